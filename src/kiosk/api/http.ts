/** Requests to the proxy, with the outcomes the kiosk tells apart: revoked (401), unreachable, or refused. */

export class UnauthorizedError extends Error {
  override readonly name = 'UnauthorizedError';
}

/** No answer: offline, the proxy down, or the request timed out. */
export class UnreachableError extends Error {
  override readonly name = 'UnreachableError';
}

/** An answer other than success or 401, with the protocol's error code when the body had one. */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type FetchFn = typeof fetch;

export interface ApiRequest {
  method?: 'GET' | 'POST';
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** Sends a request; resolves with any 2xx or 304 response and throws one of the errors above otherwise. */
export async function apiRequest(
  fetchFn: FetchFn,
  path: string,
  request: ApiRequest = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetchFn(path, {
      method: request.method ?? 'GET',
      headers,
      cache: 'no-store',
      signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
  } catch (error) {
    throw new UnreachableError(error instanceof Error ? error.message : String(error));
  }
  if (response.ok || response.status === 304) return response;
  if (response.status === 401) throw new UnauthorizedError('The kiosk token was refused.');
  if (response.status >= 500 && response.status !== 501) {
    throw new UnreachableError(`The proxy answered ${response.status}.`);
  }
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  throw new RefusedError(
    response.status,
    body?.error?.code ?? `http-${response.status}`,
    body?.error?.message ?? `The proxy answered ${response.status}.`,
  );
}
