import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestConsole, NOW_MS, signIn, type TestConsole } from '../testing/admin-support';
import { SESSION_LIFETIME_MS } from '../auth/session-store';

let t: TestConsole;
afterEach(async () => {
  await t.app.close();
  t.ledger.close();
});

describe('admin sign-in', () => {
  it.each([
    ['a wrong token', { token: 'not-the-admin-token' }, 401, 'wrong-admin-token'],
    ['no token', {}, 400, 'bad-request'],
    ['an empty token', { token: '' }, 400, 'bad-request'],
  ])('refuses %s without setting a cookie', async (_name, payload, status, code) => {
    t = await buildTestConsole();
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/admin/session', payload });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { code } });
    expect(response.cookies).toHaveLength(0);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie on Path=/ and returns the CSRF token', async () => {
    t = await buildTestConsole();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/session',
      payload: { token: ADMIN_TOKEN },
    });
    expect(response.statusCode).toBe(200);
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^kiosk_admin_session=[\w-]{40,};/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    expect(header).toContain('Path=/');
    expect(header).not.toContain('Secure');
    // The browser forgets the cookie when the server forgets the session, 12 hours after sign-in.
    expect(header).toContain(`Max-Age=${SESSION_LIFETIME_MS / 1000};`);
    const { csrfToken, expiresAt } = response.json<{ csrfToken: string; expiresAt: string }>();
    expect(csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(Date.parse(expiresAt)).toBe(NOW_MS + SESSION_LIFETIME_MS);
  });

  it('marks the cookie Secure when the request came over https', async () => {
    t = await buildTestConsole({ trustProxy: true });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { token: ADMIN_TOKEN },
    });
    expect(String(response.headers['set-cookie'])).toContain('Secure');
  });

  it('reports the session, then signs out', async () => {
    t = await buildTestConsole();
    const { cookie, csrfToken } = await signIn(t.app);
    const state = await t.app.inject({ method: 'GET', url: '/api/v1/admin/session', headers: { cookie } });
    expect(state.json()).toEqual({ signedIn: true, csrfToken });

    const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/admin/session', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/kiosk_admin_session=;.*Max-Age=0/);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/admin/session', headers: { cookie } });
    expect(after.json()).toEqual({ signedIn: false, csrfToken: null });
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/admin/kenjo', headers: { cookie } });
    expect(read.statusCode).toBe(401);
  });

  it('forgets a session once it has expired', async () => {
    t = await buildTestConsole();
    const { cookie } = await signIn(t.app);
    t.clock.nowMs += SESSION_LIFETIME_MS;
    const state = await t.app.inject({ method: 'GET', url: '/api/v1/admin/session', headers: { cookie } });
    expect(state.json()).toEqual({ signedIn: false, csrfToken: null });
  });
});

describe('admin guard', () => {
  type Case = [string, (s: { cookie: string; csrfToken: string }) => Record<string, string>, number];
  it.each<Case>([
    ['no credentials', () => ({}), 401],
    ['the cookie without a CSRF token', (s) => ({ cookie: s.cookie }), 403],
    [
      'the cookie with a wrong CSRF token',
      (s) => ({ cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) }),
      403,
    ],
    ['a CSRF token without the cookie', (s) => ({ 'x-csrf-token': s.csrfToken }), 401],
    [
      'an unknown cookie with a token',
      (s) => ({ cookie: 'kiosk_admin_session=forged', 'x-csrf-token': s.csrfToken }),
      401,
    ],
    ['the cookie with its CSRF token', (s) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken }), 200],
    ['the bearer admin token, no CSRF token', () => ({ authorization: `Bearer ${ADMIN_TOKEN}` }), 200],
    ['a wrong bearer token', () => ({ authorization: 'Bearer wrong-token-wrong-token' }), 401],
    [
      'a wrong bearer token beside a good session',
      (s) => ({ ...s, 'x-csrf-token': s.csrfToken, authorization: 'Bearer nope' }),
      401,
    ],
  ])('answers a change with %s: %i', async (_name, headers, status) => {
    t = await buildTestConsole();
    const session = await signIn(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/test-change',
      headers: headers(session),
    });
    expect(response.statusCode).toBe(status);
  });

  it('lets a signed-in read through without a CSRF token', async () => {
    t = await buildTestConsole();
    const { cookie } = await signIn(t.app);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/admin/audit', headers: { cookie } });
    expect(response.statusCode).toBe(200);
  });
});
