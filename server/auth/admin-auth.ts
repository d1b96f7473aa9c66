/**
 * Who may use `/api/v1/admin/*`: one guard for every admin route. An authenticator looks at a request and names the
 * operator, answers null (not its kind of credential), or refuses it outright; `requireAdmin` lets the request
 * through when one names someone. Scripts send the bearer `ADMIN_TOKEN`; the admin console its session cookie (with
 * the CSRF header on changes). A bearer credential, once sent, decides alone: a wrong one is refused even beside a
 * live session, so a script never acts under someone's browser session by mistake.
 */
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { throttleOf } from '../http/credential-throttle';
import { HttpError } from '../http/errors';
import { adminSessionAuthenticator } from './session-auth';
import { bearerToken, constantTimeEqual } from './tokens';

export interface AdminIdentity {
  /** Who did it, as written into the audit log ("admin-token", "admin-console", …). */
  actor: string;
}

export type AdminAuthenticator = (
  request: FastifyRequest,
) => AdminIdentity | null | Promise<AdminIdentity | null>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The operator behind this request; set by `requireAdmin`. */
    admin?: AdminIdentity;
  }
}

/** The bearer `ADMIN_TOKEN`; null without an `Authorization: Bearer` header, a 401 with a wrong token. */
export function bearerAdminToken(adminToken: string | null): AdminAuthenticator {
  return async (request) => {
    const token = bearerToken(request.headers.authorization);
    if (token === null) return null;
    // A presented bearer token is a guess until it matches: guessing is throttled, the right token costs nothing.
    const throttle = throttleOf(request);
    await throttle.check(request);
    if (adminToken !== null && constantTimeEqual(token, adminToken)) return { actor: 'admin-token' };
    await throttle.failed(request);
    throw new HttpError(401, 'unauthorized', 'The admin token is missing or wrong.');
  };
}

export function requireAdmin(authenticators: readonly AdminAuthenticator[]): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    for (const authenticate of authenticators) {
      const identity = await authenticate(request);
      if (identity) {
        request.admin = identity;
        return;
      }
    }
    throw new HttpError(
      401,
      'unauthorized',
      'Send the admin token as "Authorization: Bearer <ADMIN_TOKEN>", or sign in to the admin console.',
    );
  };
}

/** The guard of every admin route: the bearer token (when one is configured), then the console's session. */
export function adminGuard(adminToken: string | null): onRequestAsyncHookHandler {
  return requireAdmin([bearerAdminToken(adminToken), adminSessionAuthenticator]);
}

/** The operator of a request behind `requireAdmin`. */
export function adminOf(request: FastifyRequest): AdminIdentity {
  if (!request.admin) throw new HttpError(401, 'unauthorized', 'This endpoint needs the admin token.');
  return request.admin;
}
