/**
 * Who may use `/api/v1/admin/*`. An authenticator looks at a request and names the operator or answers null;
 * `requireAdmin` lets the request through when any authenticator names someone. The bearer `ADMIN_TOKEN` is one;
 * the admin console's session cookie (with its CSRF header on changes) is added as another, without touching routes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { throttleOf } from '../http/credential-throttle';
import { HttpError } from '../http/errors';
import { bearerToken } from './tokens';

export interface AdminIdentity {
  /** Who did it, as written into the audit log ("admin-token", a session's user name, …). */
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

/** Equal strings in time independent of where they differ (hashing first makes the lengths equal too). */
export function constantTimeEqual(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function bearerAdminToken(adminToken: string): AdminAuthenticator {
  return (request) => {
    const token = bearerToken(request.headers.authorization);
    return token !== null && constantTimeEqual(token, adminToken) ? { actor: 'admin-token' } : null;
  };
}

export function requireAdmin(authenticators: readonly AdminAuthenticator[]): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    // Only a presented bearer token is a guess; a console without a session is not.
    const guessing = request.headers.authorization !== undefined;
    if (guessing) await throttleOf(request).check(request);
    for (const authenticate of authenticators) {
      const identity = await authenticate(request);
      if (identity) {
        request.admin = identity;
        return;
      }
    }
    if (guessing) await throttleOf(request).failed(request);
    throw new HttpError(
      401,
      'unauthorized',
      'Send the admin token as "Authorization: Bearer <ADMIN_TOKEN>".',
    );
  };
}

/** The operator of a request behind `requireAdmin`. */
export function adminOf(request: FastifyRequest): AdminIdentity {
  if (!request.admin) throw new HttpError(401, 'unauthorized', 'This endpoint needs the admin token.');
  return request.admin;
}
