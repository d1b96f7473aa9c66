/**
 * Sign-in, session state and sign-out of the admin console. The cookie is `HttpOnly` (scripts in the page never
 * see it), `SameSite=Strict`, `Path=/`, and `Secure` when the request came over https; the CSRF token travels in
 * the JSON body and the console keeps it in memory only.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { throttleOf } from '../http/credential-throttle';
import { HttpError } from '../http/errors';
import { SESSION_COOKIE, sessionOf } from '../auth/session-auth';
import type { AdminSessionStore } from '../auth/session-store';
import { constantTimeEqual } from '../auth/tokens';

const signInBody = z.object({ token: z.string().min(1).max(1024) });

function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  value: string,
  maxAgeS: number,
): void {
  reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https',
    maxAge: maxAgeS,
  });
}

export function registerSessionRoutes(
  app: FastifyInstance,
  store: AdminSessionStore,
  adminToken: string | null,
): void {
  app.post('/api/v1/admin/session', async (request, reply) => {
    const throttle = throttleOf(request);
    await throttle.check(request);
    const parsed = signInBody.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request', 'Send {"token": "<ADMIN_TOKEN>"}.');
    const expected = adminToken;
    if (expected === null) {
      throw new HttpError(503, 'admin-token-unset', 'No ADMIN_TOKEN is configured on the server.');
    }
    if (!constantTimeEqual(parsed.data.token, expected)) {
      await throttle.failed(request);
      throw new HttpError(401, 'wrong-admin-token', 'That is not the admin token.');
    }
    await store.delete((await sessionOf(request))?.id);
    const session = await store.create();
    const maxAgeS = Math.floor((session.expiresAtMs - session.createdAtMs) / 1000);
    setSessionCookie(request, reply, session.id, maxAgeS);
    return { csrfToken: session.csrfToken, expiresAt: new Date(session.expiresAtMs).toISOString() };
  });

  app.get('/api/v1/admin/session', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const session = await sessionOf(request);
    if (!session) return { signedIn: false, csrfToken: null };
    return { signedIn: true, csrfToken: session.csrfToken };
  });

  // Signing out needs no CSRF token: a forged sign-out only signs the operator out.
  app.delete('/api/v1/admin/session', async (request, reply) => {
    await store.delete((await sessionOf(request))?.id);
    setSessionCookie(request, reply, '', 0);
    return reply.status(204).send();
  });
}
