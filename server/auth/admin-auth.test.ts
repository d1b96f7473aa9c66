import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installErrorHandler } from '../http/errors';
import { type AdminAuthenticator, adminOf, bearerAdminToken, requireAdmin } from './admin-auth';

const TOKEN = 'the-admin-token-0123456789';

async function appWith(authenticators: AdminAuthenticator[]) {
  const app = Fastify();
  installErrorHandler(app);
  app.get('/admin-only', { preHandler: requireAdmin(authenticators) }, async (request) => adminOf(request));
  return app;
}

describe('requireAdmin', () => {
  it.each([
    [{}, 401],
    [{ authorization: `Bearer ${TOKEN}x` }, 401],
    [{ authorization: `Bearer ${TOKEN.slice(0, -1)}` }, 401],
    [{ authorization: TOKEN }, 401],
    [{ authorization: `Bearer ${TOKEN}` }, 200],
  ])('answers %o with %i', async (headers, status) => {
    const app = await appWith([bearerAdminToken(TOKEN)]);
    const res = await app.inject({ url: '/admin-only', headers });
    expect(res.statusCode).toBe(status);
    if (status === 401)
      expect(res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    else expect(res.json()).toEqual({ actor: 'admin-token' });
  });

  it('tries every authenticator in turn (the seam for the console session)', async () => {
    const session: AdminAuthenticator = (request) =>
      request.headers.cookie === 'session=ok' ? { actor: 'console' } : null;
    const app = await appWith([bearerAdminToken(TOKEN), session]);
    const res = await app.inject({ url: '/admin-only', headers: { cookie: 'session=ok' } });
    expect(res.json()).toEqual({ actor: 'console' });
  });

  it('lets a bearer credential, once sent, decide alone (a wrong one is refused beside a good session)', async () => {
    const session: AdminAuthenticator = (request) =>
      request.headers.cookie === 'session=ok' ? { actor: 'console' } : null;
    const app = await appWith([bearerAdminToken(TOKEN), session]);
    const res = await app.inject({
      url: '/admin-only',
      headers: { cookie: 'session=ok', authorization: 'Bearer wrong-token' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('refuses everyone without authenticators (no ADMIN_TOKEN)', async () => {
    const app = await appWith([]);
    expect(
      (await app.inject({ url: '/admin-only', headers: { authorization: 'Bearer x' } })).statusCode,
    ).toBe(401);
  });
});
