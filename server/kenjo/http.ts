/**
 * One HTTP exchange with Kenjo through Node's global fetch, bounded by a timeout that covers the headers and the
 * body. Never throws: a response of any status is `response`, anything else is a classified `failure`.
 */
import { classifyFetchFailure, type ClassifiedFailure } from './classify-failure';

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Below the base URL, e.g. `/attendances/track-time`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent verbatim as `Authorization` (Kenjo's token already starts with `Bearer `). */
  authorization?: string;
}

export type HttpResult =
  | { kind: 'response'; status: number; headers: Headers; body: unknown }
  | { kind: 'failure'; failure: ClassifiedFailure };

export function buildUrl(baseUrl: string, path: string, query?: Record<string, string>): URL {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}${path}`);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url;
}

/** JSON when it parses, the raw text otherwise, `undefined` when the body could not be read. */
async function readBody(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    if (text === '') return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  } catch {
    return undefined;
  }
}

export async function send(baseUrl: string, request: HttpRequest, timeoutMs: number): Promise<HttpResult> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.authorization !== undefined) headers['authorization'] = request.authorization;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(baseUrl, request.path, request.query), {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      // A redirected POST would turn into a GET; a redirect means the base URL is wrong, so show it.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    return { kind: 'failure', failure: classifyFetchFailure(err, timeoutMs) };
  }
  // The status is known once headers arrived; a body cut short leaves `body` undefined but keeps the status.
  return {
    kind: 'response',
    status: response.status,
    headers: response.headers,
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
