import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminGuard } from '../auth/admin-auth';
import { AdminSessionStore } from '../auth/session-store';
import { installErrorHandler } from '../http/errors';
import type { AsyncLedger } from '../ledger/async-ledger';
import { openPostgresLedger } from '../ledger/postgres/postgres-ledger';
import { ADMIN_TOKEN, signIn } from '../testing/admin-support';
import { createTestDatabase, describePostgres, type TestDatabase } from '../testing/postgres-fixture';
import { registerSessionRoutes } from './session-routes';

/** One instance of the proxy's session surface: its own ledger (its own pool) on the shared database. */
async function instance(ledger: AsyncLedger): Promise<FastifyInstance> {
  const app = Fastify();
  installErrorHandler(app);
  await app.register(fastifyCookie);
  const sessions = new AdminSessionStore(ledger, Date.now);
  app.decorate('adminSessions', sessions);
  registerSessionRoutes(app, sessions, ADMIN_TOKEN);
  app.post('/api/v1/admin/change', { onRequest: adminGuard(ADMIN_TOKEN) }, async () => ({ changed: true }));
  await app.ready();
  return app;
}

describePostgres('admin sessions across instances', (serverUrl) => {
  let database: TestDatabase;
  let ledgers: AsyncLedger[] = [];
  let a: FastifyInstance;
  let b: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase(serverUrl);
    ledgers = await Promise.all([openPostgresLedger(database.url), openPostgresLedger(database.url)]);
    a = await instance(ledgers[0] as AsyncLedger);
    b = await instance(ledgers[1] as AsyncLedger);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await Promise.all(ledgers.map((ledger) => ledger.close()));
    await database.drop();
  });

  it('a session started on one instance works on the other, and signing out on either ends it on both', async () => {
    const { cookie, csrfToken } = await signIn(a);
    const headers = { cookie };

    const state = await b.inject({ method: 'GET', url: '/api/v1/admin/session', headers });
    expect(state.json()).toEqual({ signedIn: true, csrfToken });
    const change = { method: 'POST', url: '/api/v1/admin/change' } as const;
    const withToken = { ...headers, 'x-csrf-token': csrfToken };
    expect((await b.inject({ ...change, headers: withToken })).statusCode).toBe(200);
    expect((await b.inject({ ...change, headers })).statusCode).toBe(403);

    expect((await b.inject({ method: 'DELETE', url: '/api/v1/admin/session', headers })).statusCode).toBe(
      204,
    );
    expect((await a.inject({ ...change, headers: withToken })).statusCode).toBe(401);
    const after = await a.inject({ method: 'GET', url: '/api/v1/admin/session', headers });
    expect(after.json()).toEqual({ signedIn: false, csrfToken: null });
  });
});
