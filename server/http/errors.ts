import type { FastifyError, FastifyInstance } from 'fastify';
import { LedgerUnavailableError } from '../ledger/ledger-unavailable';

/** The one error type of the API; the central handler turns it into the contract's error body. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** Headers the answer carries (`Retry-After` on a 429). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** How soon a client may try again while the ledger's database is out of reach (it is back within seconds). */
const LEDGER_RETRY_AFTER_S = '5';

/**
 * Maps Fastify's own errors (bad JSON, body too large, …) and a ledger out of reach onto kebab-case codes; never a
 * stack trace. Nothing of a request that met an unreachable ledger was kept, so the kiosk keeps its punches.
 */
function fromFastifyError(err: FastifyError): HttpError {
  if (err instanceof LedgerUnavailableError) {
    return new HttpError(
      503,
      'ledger-unavailable',
      'The server cannot reach its database right now; nothing was stored. Send the request again shortly.',
      { 'Retry-After': LEDGER_RETRY_AFTER_S },
    );
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'payload-too-large', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupported-media-type', 'Send the body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'invalid-json', 'The body is empty; send a JSON object.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'invalid-json', 'The body is not valid JSON.');
    default:
      if (err instanceof SyntaxError)
        return new HttpError(400, 'invalid-json', 'The body is not valid JSON.');
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        return new HttpError(err.statusCode, 'bad-request', err.message);
      }
      return new HttpError(500, 'internal-error', 'Something went wrong on the server; it has been logged.');
  }
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const httpError = err instanceof HttpError ? err : fromFastifyError(err);
    if (httpError.code === 'ledger-unavailable')
      request.log.warn({ err: err.message }, 'ledger out of reach');
    // Another 503 is expected work in progress (a kiosk's directory still being prepared), answered "ask again".
    else if (httpError.statusCode === 503)
      request.log.info({ code: httpError.code }, 'asked to come back later');
    else if (httpError.statusCode >= 500) request.log.error({ err }, 'request failed');
    reply.headers(httpError.headers);
    return reply.status(httpError.statusCode).send(errorBody(httpError.code, httpError.message));
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(errorBody('not-found', `Nothing at ${request.method} ${request.url.split('?')[0]}.`)),
  );
}
