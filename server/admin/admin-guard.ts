/**
 * The guard of the console's own endpoints: the bearer ADMIN_TOKEN (scripts) or a signed-in session with its CSRF
 * token on changes (the console). The proxy's `requireAdmin` accepts the same two; this one keeps the console's
 * routes independent of where that lives.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { throttleOf } from '../http/credential-throttle';
import { HttpError } from '../http/errors';
import { adminSessionAuthenticator } from './session-auth';
import { secretsEqual } from './session-store';

export function bearerTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

export function createAdminGuard(adminToken: () => string | null) {
  return async function adminGuard(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const bearer = bearerTokenOf(request);
    if (bearer !== null) {
      const throttle = throttleOf(request);
      await throttle.check(request);
      const expected = adminToken();
      if (expected !== null && secretsEqual(bearer, expected)) return;
      await throttle.failed(request);
      throw new HttpError(401, 'unauthorized', 'The admin token is missing or wrong.');
    }
    if (adminSessionAuthenticator(request)) return;
    throw new HttpError(401, 'unauthorized', 'Sign in to the admin console first.');
  };
}
