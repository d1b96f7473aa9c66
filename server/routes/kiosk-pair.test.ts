import { hashToken } from '../auth/tokens';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Harness,
  adminHeaders,
  bearer,
  createHarness,
  createKiosk,
  errorOf,
} from '../testing/routes-harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const pair = (payload: unknown) =>
  h.app.inject({ method: 'POST', url: '/api/v1/kiosk/pair', payload: payload as object });
const configWith = (token: string) => h.app.inject({ url: '/api/v1/kiosk/config', headers: bearer(token) });

describe('POST /api/v1/kiosk/pair', () => {
  it('trades the code for a new token that replaces the old one', async () => {
    const kiosk = await createKiosk(h, { name: 'Front door', timeZone: 'Europe/Madrid' });
    const res = await pair({ pairingCode: kiosk.pairingCode });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ token: string }>();
    expect(body).toEqual({
      kioskId: kiosk.id,
      token: expect.any(String),
      name: 'Front door',
      timeZone: 'Europe/Madrid',
    });
    expect(body.token).not.toBe(kiosk.token);
    expect((await configWith(body.token)).statusCode).toBe(200);
    expect(errorOf(await configWith(kiosk.token))).toEqual({ status: 401, code: 'invalid-token' });
  });

  it('accepts the code as a person types it', async () => {
    const { pairingCode } = await createKiosk(h);
    const typed = `${pairingCode.slice(0, 4).toLowerCase()}-${pairingCode.slice(4)}`;
    expect((await pair({ pairingCode: typed })).statusCode).toBe(200);
  });

  it('is single-use', async () => {
    const { pairingCode } = await createKiosk(h);
    expect((await pair({ pairingCode })).statusCode).toBe(200);
    expect(errorOf(await pair({ pairingCode }))).toEqual({ status: 400, code: 'invalid-pairing-code' });
  });

  it('a superseded code no longer pairs, so the tablet paired with the newer one stays paired', async () => {
    const { id, pairingCode: codeA } = await createKiosk(h);
    const issued = await h.app.inject({
      method: 'POST',
      url: `/api/v1/admin/kiosks/${id}/pairing-code`,
      headers: adminHeaders,
    });
    const codeB = issued.json<{ pairingCode: string }>().pairingCode;
    const tablet = (await pair({ pairingCode: codeB })).json<{ token: string }>();
    expect(errorOf(await pair({ pairingCode: codeA }))).toEqual({
      status: 400,
      code: 'invalid-pairing-code',
    });
    expect((await configWith(tablet.token)).statusCode).toBe(200);
  });

  it('stores pairing codes only as their hash', async () => {
    const { pairingCode } = await createKiosk(h);
    expect(h.ledger.consumePairingCode(pairingCode, h.clock.nowMs)).toBeNull();
    expect(h.ledger.consumePairingCode(hashToken(pairingCode), h.clock.nowMs)).not.toBeNull();
  });

  it.each([
    [10 * 60_000 - 1, 200],
    [10 * 60_000 + 1, 400],
  ])('expires: %i ms after issue answers %i', async (elapsedMs, status) => {
    const { pairingCode } = await createKiosk(h);
    h.clock.nowMs += elapsedMs;
    expect((await pair({ pairingCode })).statusCode).toBe(status);
  });

  it('refuses the code of a revoked kiosk', async () => {
    const { id, pairingCode } = await createKiosk(h);
    await h.app.inject({ method: 'POST', url: `/api/v1/admin/kiosks/${id}/revoke`, headers: adminHeaders });
    expect(errorOf(await pair({ pairingCode }))).toEqual({ status: 400, code: 'invalid-pairing-code' });
  });

  it('a new code pairs the kiosk again and replaces the token paired before', async () => {
    const { id, pairingCode } = await createKiosk(h);
    const first = (await pair({ pairingCode })).json<{ token: string }>();
    const issued = await h.app.inject({
      method: 'POST',
      url: `/api/v1/admin/kiosks/${id}/pairing-code`,
      headers: adminHeaders,
    });
    const second = (await pair({ pairingCode: issued.json<{ pairingCode: string }>().pairingCode })).json<{
      token: string;
    }>();
    expect((await configWith(second.token)).statusCode).toBe(200);
    expect((await configWith(first.token)).statusCode).toBe(401);
  });

  it.each([
    ['an unknown code', { pairingCode: 'ZZZZZZZZ' }, 'invalid-pairing-code'],
    ['an empty code', { pairingCode: '' }, 'invalid-body'],
    ['a number', { pairingCode: 12345678 }, 'invalid-body'],
    ['an unknown field', { pairingCode: 'ZZZZZZZZ', kioskId: 'x' }, 'invalid-body'],
    ['no body', undefined, 'invalid-body'],
  ])('refuses %s with 400', async (_what, payload, code) => {
    expect(errorOf(await pair(payload))).toEqual({ status: 400, code });
  });
});
