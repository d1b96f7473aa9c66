/**
 * One HTTP exchange with Kenjo over one pool of kept-alive connections per protocol (Node's own `http`/`https`
 * agents), bounded by a timeout that covers the headers and the body. Never throws: a response of any status is
 * `response`, anything else is a classified `failure`.
 *
 * Why not the global `fetch`: each of its calls builds a Request, a Response, web streams and their controllers,
 * which the replay (hundreds of calls a second) promoted to the old generation faster than it was collected. With
 * 4,000 calls, eight at a time, the old generation peaked at about 48 MB through `fetch` and 11 MB through `http`.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { classifyRequestFailure, type ClassifiedFailure } from './classify-failure';

const agents = {
  http: new HttpAgent({ keepAlive: true }),
  https: new HttpsAgent({ keepAlive: true }),
};

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Below the base URL, e.g. `/attendances/track-time`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent verbatim as `Authorization` (Kenjo's token already starts with `Bearer `). */
  authorization?: string;
}

/**
 * The headers of Kenjo's answer, read where Node put them: building the global `Headers` would load Node's whole
 * `fetch` implementation (and compile its WebAssembly parser) for two lookups, about 5 MB of resident memory.
 */
export interface ResponseHeaders {
  /** The value, a repeated header's values joined by `, ` (as `Headers.get` does), or `null`. */
  get(name: string): string | null;
}

export type HttpResult =
  | { kind: 'response'; status: number; headers: ResponseHeaders; body: unknown }
  | { kind: 'failure'; failure: ClassifiedFailure };

export function buildUrl(baseUrl: string, path: string, query?: Record<string, string>): URL {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}${path}`);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url;
}

/** JSON when it parses, the raw text otherwise, `undefined` when the body could not be read. */
async function readBody(response: IncomingMessage): Promise<unknown> {
  let text: string;
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
  } catch {
    return undefined;
  }
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Node already lowers the names and joins most repeated headers; the view joins the rest (`set-cookie`). */
function headersOf(response: IncomingMessage): ResponseHeaders {
  const { headers } = response;
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/**
 * Resolves with the response once its headers arrived. A redirect is a response like any other (a redirected POST
 * would turn into a GET; a redirect means the base URL is wrong, so it is shown). An abort rejects with the
 * signal's reason, so that a timeout reads as one.
 */
function exchange(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const request = (secure ? httpsRequest : httpRequest)(url, {
      method,
      headers,
      agent: secure ? agents.https : agents.http,
      signal,
    });
    request.once('error', (err) => reject(signal.aborted ? (signal.reason as unknown) : err));
    request.once('response', resolve);
    request.end(body);
  });
}

export async function send(baseUrl: string, request: HttpRequest, timeoutMs: number): Promise<HttpResult> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.authorization !== undefined) headers['authorization'] = request.authorization;
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  const signal = AbortSignal.timeout(timeoutMs);
  let response: IncomingMessage;
  try {
    response = await exchange(
      buildUrl(baseUrl, request.path, request.query),
      request.method,
      headers,
      body,
      signal,
    );
  } catch (err) {
    return { kind: 'failure', failure: classifyRequestFailure(err, timeoutMs) };
  }
  // The status is known once headers arrived; a body cut short leaves `body` undefined but keeps the status.
  return {
    kind: 'response',
    status: response.statusCode ?? 0,
    headers: headersOf(response),
    body: await readBody(response),
  };
}

/** Kenjo's `{code, message}` error body, a short text body, or the bare status. */
export function errorMessage(status: number, body: unknown): string {
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const { message } = body as { message: unknown };
    if (typeof message === 'string' && message.trim() !== '') return message.trim();
  }
  if (typeof body === 'string' && body.trim() !== '') return body.trim().slice(0, 300);
  return `HTTP ${status}`;
}
