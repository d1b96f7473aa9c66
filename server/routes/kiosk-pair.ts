import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { hashToken, newKioskToken, normalizePairingCode } from '../auth/tokens';
import { throttleOf } from '../http/credential-throttle';
import { HttpError } from '../http/errors';
import { parseRequest } from '../http/parse';
import type { RouteDeps } from './deps';

const pairBody = z.strictObject({ pairingCode: z.string().min(1, 'must not be empty').max(32) });

const invalidCode = () =>
  new HttpError(
    400,
    'invalid-pairing-code',
    'This pairing code is unknown, already used or expired; ask an administrator for a new one.',
  );

/**
 * `POST /api/v1/kiosk/pair` (no token): trades a pairing code for a new kiosk token. The code is consumed in the same
 * step as it is checked, and the new token replaces the kiosk's previous one, which stops working at once. Codes are
 * looked up by their hash, like kiosk tokens: a copy of the ledger pairs nothing.
 */
export function registerKioskPair(app: FastifyInstance, { services }: RouteDeps): void {
  const { ledger } = services;
  app.post('/api/v1/kiosk/pair', async (request) => {
    const throttle = throttleOf(request);
    await throttle.check(request);
    const { pairingCode } = parseRequest(pairBody, request.body, 'body');
    const kioskId = await ledger.consumePairingCode(
      hashToken(normalizePairingCode(pairingCode)),
      services.now(),
    );
    const kiosk = kioskId === null ? null : await ledger.getKiosk(kioskId);
    // A revoked kiosk's codes are voided on revocation: a code for it was issued since, to re-pair it.
    if (!kiosk) {
      await throttle.failed(request);
      throw invalidCode();
    }
    const token = newKioskToken();
    await ledger.replaceKioskToken(kiosk.id, hashToken(token));
    request.log.info({ kioskId: kiosk.id, reinstated: kiosk.revokedAtMs !== null }, 'kiosk paired');
    return { kioskId: kiosk.id, token, name: kiosk.name, timeZone: kiosk.timeZone };
  });
}
