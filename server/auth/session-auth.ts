/**
 * How a request proves it comes from a signed-in operator: the session cookie, and on every state-changing request
 * the session's CSRF token in `x-csrf-token`. Scripts use `Authorization: Bearer <ADMIN_TOKEN>` instead and need
 * no CSRF token, since a browser never attaches that header on its own.
 */
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors';
import type { AdminSession, AdminSessionStore } from './session-store';
import { constantTimeEqual } from './tokens';

export const SESSION_COOKIE = 'kiosk_admin_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyInstance {
    adminSessions?: AdminSessionStore;
  }
}

export type AdminSessionCheck = 'ok' | 'no-session' | 'bad-csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The session named by the request's cookie, if it is live. */
export async function sessionOf(request: FastifyRequest): Promise<AdminSession | null> {
  const store = request.server.adminSessions;
  if (!store) return null;
  const cookies = (request as { cookies?: Record<string, string | undefined> }).cookies;
  return store.get(cookies?.[SESSION_COOKIE]);
}

/**
 * `ok` when the cookie names a live session and, for a state-changing method, `x-csrf-token` equals its token;
 * `no-session` without a live session; `bad-csrf` when the session is live but the token is missing or wrong.
 */
export async function adminSessionAuth(request: FastifyRequest): Promise<AdminSessionCheck> {
  const session = await sessionOf(request);
  if (!session) return 'no-session';
  if (!isStateChanging(request.method)) return 'ok';
  const header = request.headers[CSRF_HEADER];
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && constantTimeEqual(given, session.csrfToken) ? 'ok' : 'bad-csrf';
}

/**
 * The session as one of the proxy's admin authenticators (`requireAdmin`): the operator when the session is live
 * and, on a change, the CSRF token matches; null without a session (the next authenticator may know the request);
 * a 403 when the session is live but the CSRF token is missing or wrong.
 */
export async function adminSessionAuthenticator(request: FastifyRequest): Promise<{ actor: string } | null> {
  const check = await adminSessionAuth(request);
  if (check === 'bad-csrf') {
    throw new HttpError(403, 'bad-csrf-token', 'The request lacks the x-csrf-token of this session.');
  }
  return check === 'ok' ? { actor: 'admin-console' } : null;
}
