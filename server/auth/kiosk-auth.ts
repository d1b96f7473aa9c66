import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { HttpError } from '../http/errors';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { KioskRecord } from '../ledger/ledger';
import { bearerToken, hashToken } from './tokens';

declare module 'fastify' {
  interface FastifyRequest {
    /** The kiosk whose token authorised this request; set by `requireKiosk`. */
    kiosk?: KioskRecord;
  }
}

/**
 * Lets a request through only with the token of a kiosk that is not revoked. Tokens are looked up by their hash,
 * on every request, so a revocation takes effect on the next one.
 */
export function requireKiosk(ledger: Pick<AsyncLedger, 'findKioskByTokenHash'>): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = bearerToken(request.headers.authorization);
    if (token === null) {
      throw new HttpError(401, 'missing-token', 'Send the kiosk token as "Authorization: Bearer <token>".');
    }
    const kiosk = await ledger.findKioskByTokenHash(hashToken(token));
    if (kiosk === null) {
      throw new HttpError(
        401,
        'invalid-token',
        'This kiosk token is unknown or revoked; pair the kiosk again.',
      );
    }
    request.kiosk = kiosk;
  };
}

/** The authenticated kiosk of a request behind `requireKiosk`. */
export function kioskOf(request: FastifyRequest): KioskRecord {
  if (!request.kiosk) throw new HttpError(401, 'missing-token', 'This endpoint needs a kiosk token.');
  return request.kiosk;
}
