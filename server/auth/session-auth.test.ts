import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { afterEach, describe, expect, it } from 'vitest';
import { installErrorHandler } from '../http/errors';
import { adminSessionAuth, adminSessionAuthenticator, SESSION_COOKIE } from './session-auth';
import { openDatabase } from '../ledger/open-database';
import { asyncSqliteLedger } from '../ledger/sqlite-async-ledger';
import { AdminSessionStore } from './session-store';

let app: FastifyInstance;
afterEach(() => app.close());

/** An app whose routes answer what the session check says, with one live session. */
async function probeApp() {
  app = Fastify();
  installErrorHandler(app);
  await app.register(fastifyCookie);
  const store = new AdminSessionStore(asyncSqliteLedger(openDatabase(':memory:')), () => 0);
  app.decorate('adminSessions', store);
  const session = await store.create();
  app.route({
    method: ['GET', 'POST', 'DELETE'],
    url: '/check',
    handler: async (request) => ({ check: await adminSessionAuth(request) }),
  });
  app.post('/as-authenticator', async (request) => ({ identity: await adminSessionAuthenticator(request) }));
  await app.ready();
  return session;
}

describe('adminSessionAuth', () => {
  it.each([
    ['GET', true, null, 'ok'],
    ['GET', false, null, 'no-session'],
    ['POST', true, 'right', 'ok'],
    ['POST', true, null, 'bad-csrf'],
    ['POST', true, 'wrong', 'bad-csrf'],
    ['DELETE', true, 'wrong', 'bad-csrf'],
    ['POST', false, 'right', 'no-session'],
  ] as const)('%s with cookie %s and token %s → %s', async (method, withCookie, token, expected) => {
    const session = await probeApp();
    const headers: Record<string, string> = {};
    if (withCookie) headers.cookie = `${SESSION_COOKIE}=${session.id}`;
    if (token) headers['x-csrf-token'] = token === 'right' ? session.csrfToken : 'not-it';
    const response = await app.inject({ method, url: '/check', headers });
    expect(response.json()).toEqual({ check: expected });
  });
});

describe('adminSessionAuthenticator', () => {
  it.each([
    ['a live session and its token', true, true, 200, { identity: { actor: 'admin-console' } }],
    ['no session', false, true, 200, { identity: null }],
    ['a live session without its token', true, false, 403, { error: { code: 'bad-csrf-token' } }],
  ])('%s', async (_name, withCookie, withToken, status, body) => {
    const session = await probeApp();
    const headers: Record<string, string> = {};
    if (withCookie) headers.cookie = `${SESSION_COOKIE}=${session.id}`;
    if (withToken) headers['x-csrf-token'] = session.csrfToken;
    const response = await app.inject({ method: 'POST', url: '/as-authenticator', headers });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject(body);
  });
});
