import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type Harness, createHarness } from '../testing/routes-harness';

let h: Harness;
afterEach(() => h.close());

const signIn = (headers: Record<string, string>, token = ADMIN_TOKEN) =>
  h.app.inject({ method: 'POST', url: '/api/v1/admin/session', headers, payload: { token } });

describe('TRUST_PROXY', () => {
  it('behind a TLS proxy, the console session cookie is Secure', async () => {
    h = await createHarness({ TRUST_PROXY: true });
    const res = await signIn({ 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('without it, forwarded headers are ignored: no Secure cookie on a claim of https', async () => {
    h = await createHarness();
    const res = await signIn({ 'x-forwarded-proto': 'https' });
    expect(String(res.headers['set-cookie'])).not.toMatch(/; Secure/);
  });

  it('rate limits count the forwarded client address only when the proxy is trusted', async () => {
    const exhaust = async (forwardedFor: string) => {
      for (let i = 0; i < 10; i += 1) await signIn({ 'x-forwarded-for': forwardedFor }, 'wrong');
      return (await signIn({ 'x-forwarded-for': forwardedFor }, 'wrong')).statusCode;
    };
    h = await createHarness({ TRUST_PROXY: true });
    expect(await exhaust('192.0.2.1')).toBe(429);
    // Another client behind the same proxy is a different address.
    expect((await signIn({ 'x-forwarded-for': '192.0.2.2' })).statusCode).toBe(200);
    await h.close();

    h = await createHarness();
    expect(await exhaust('192.0.2.1')).toBe(429);
    // Untrusted, the header is the client's own claim: changing it does not buy new attempts.
    expect((await signIn({ 'x-forwarded-for': '192.0.2.2' })).statusCode).toBe(429);
  });

  it('trusts only the proxy in front: an address the client put before its own in X-Forwarded-For is not believed', async () => {
    h = await createHarness({ TRUST_PROXY: true });
    // The proxy appends the address it saw (192.0.2.1) to whatever the client sent.
    for (let i = 0; i < 10; i += 1) await signIn({ 'x-forwarded-for': '1.2.3.4, 192.0.2.1' }, 'wrong');
    // A new forged entry does not make the same client someone else with fresh attempts.
    expect((await signIn({ 'x-forwarded-for': '5.6.7.8, 192.0.2.1' })).statusCode).toBe(429);
    // The proxy's other clients are not blamed for it.
    expect((await signIn({ 'x-forwarded-for': '1.2.3.4, 192.0.2.2' })).statusCode).toBe(200);
  });
});
