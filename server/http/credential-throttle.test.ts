import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
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

const pair = (pairingCode: string, remoteAddress = '127.0.0.1') =>
  h.app.inject({ method: 'POST', url: '/api/v1/kiosk/pair', payload: { pairingCode }, remoteAddress });

describe('guessing credentials', () => {
  it('pairing codes: ten wrong guesses from one client, then 429 in the contract body, even for the right code', async () => {
    const { pairingCode } = await createKiosk(h);
    for (let i = 0; i < 10; i += 1) expect((await pair('WRONGCOD')).statusCode).toBe(400);
    const refused = await pair(pairingCode);
    expect(errorOf(refused)).toEqual({ status: 429, code: 'too-many-attempts' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is not held back by this one.
    expect((await pair(pairingCode, '127.0.0.2')).statusCode).toBe(200);
  });

  it('pairing codes: many clients together get a hundred wrong guesses a minute, then everyone waits', async () => {
    for (let i = 0; i < 100; i += 1) await pair('WRONGCOD', `127.0.${Math.floor(i / 5)}.${(i % 5) + 1}`);
    expect(errorOf(await pair('WRONGCOD', '127.9.9.9'))).toEqual({ status: 429, code: 'too-many-attempts' });
  });

  it('admin sign-in: ten wrong tokens, then 429', async () => {
    const signIn = (token: string) =>
      h.app.inject({ method: 'POST', url: '/api/v1/admin/session', payload: { token } });
    for (let i = 0; i < 10; i += 1) expect((await signIn('wrong')).statusCode).toBe(401);
    expect(errorOf(await signIn(ADMIN_TOKEN))).toEqual({ status: 429, code: 'too-many-attempts' });
  });

  it.each(['/api/v1/admin/kiosks', '/api/v1/admin/attention'])(
    'the admin bearer token on %s: ten wrong tokens, then 429',
    async (url) => {
      for (let i = 0; i < 10; i += 1) {
        expect((await h.app.inject({ url, headers: bearer(`guess-${i}`) })).statusCode).toBe(401);
      }
      expect(errorOf(await h.app.inject({ url, headers: adminHeaders }))).toEqual({
        status: 429,
        code: 'too-many-attempts',
      });
    },
  );

  it('the right admin token costs nothing: a script may call as often as it likes', async () => {
    for (let i = 0; i < 30; i += 1) {
      expect((await h.app.inject({ url: '/api/v1/admin/kiosks', headers: adminHeaders })).statusCode).toBe(
        200,
      );
    }
  });
});
