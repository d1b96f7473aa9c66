/**
 * Decides, from what an HTTP request to Kenjo threw, whether the request can have reached Kenjo.
 *
 * `not-sent` only when the failure provably happened before a byte of the request was written: the name did not
 * resolve, the connection was refused or unreachable, or TLS failed. Everything else (our timeout, a reset or closed
 * socket, an unrecognised error) is `maybe-sent`, because Kenjo may have stored the punch; guessing `not-sent`
 * wrongly would send it twice, and Kenjo does not detect duplicates.
 */

export type FailureClass = 'not-sent' | 'maybe-sent';

export interface ClassifiedFailure {
  kind: FailureClass;
  /** A short sentence for logs and operators, e.g. "connection refused (ECONNREFUSED)". */
  detail: string;
}

/** Errors raised while connecting, before the request line was written. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

/** Every `code` found on the error, its `cause` chain and the members of an AggregateError (happy eyeballs). */
export function errorCodes(err: unknown, depth = 0): string[] {
  if (typeof err !== 'object' || err === null || depth > 5) return [];
  const codes: string[] = [];
  const { code, cause, errors } = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') codes.push(code);
  if (Array.isArray(errors)) for (const inner of errors) codes.push(...errorCodes(inner, depth + 1));
  codes.push(...errorCodes(cause, depth + 1));
  return codes;
}

function errorName(err: unknown): string | null {
  return typeof err === 'object' && err !== null && 'name' in err && typeof err.name === 'string'
    ? err.name
    : null;
}

export function classifyRequestFailure(err: unknown, timeoutMs: number): ClassifiedFailure {
  const name = errorName(err);
  if (name === 'TimeoutError') {
    return { kind: 'maybe-sent', detail: `no complete answer within ${timeoutMs} ms` };
  }
  if (name === 'AbortError') return { kind: 'maybe-sent', detail: 'the request was aborted' };
  const codes = errorCodes(err);
  // Every code must be a before-sending one: one ambiguous code among them makes the whole failure ambiguous.
  if (codes.length > 0 && codes.every((code) => NOT_SENT_CODES.has(code))) {
    return { kind: 'not-sent', detail: `could not connect (${[...new Set(codes)].join(', ')})` };
  }
  const message = err instanceof Error ? err.message : String(err);
  const suffix = codes.length > 0 ? ` (${[...new Set(codes)].join(', ')})` : '';
  return { kind: 'maybe-sent', detail: `connection failed: ${message}${suffix}` };
}
