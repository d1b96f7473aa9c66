import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { sendKenjoError } from './kenjo-error';
import type { KenjoSimulator } from './simulator';

/** Issued tokens by their full `Bearer <opaque>` string, with the instant each expires. */
export class TokenBook {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly clock: () => number) {}

  issue(lifetimeS: number): { token: string; expiresAtMs: number } {
    const token = `Bearer ${randomBytes(24).toString('hex')}`;
    const expiresAtMs = this.clock() + lifetimeS * 1000;
    this.expiries.set(token, expiresAtMs);
    return { token, expiresAtMs };
  }

  /** Only an exact `Bearer <opaque>` header of a live token is accepted. */
  isValid(header: string | undefined): boolean {
    if (header === undefined) return false;
    const expiresAtMs = this.expiries.get(header);
    if (expiresAtMs === undefined) return false;
    if (this.clock() >= expiresAtMs) {
      this.expiries.delete(header);
      return false;
    }
    return true;
  }

  revoke(header: string): void {
    this.expiries.delete(header);
  }

  clear(): void {
    this.expiries.clear();
  }
}

const LOGIN_PATH = '/auth/login';
const loginBody = z.object({ apiKey: z.string() });

/** Login, logout, and the check that every other Kenjo call carries a live token. */
export function registerAuth(api: FastifyInstance, sim: KenjoSimulator): void {
  api.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url?.endsWith(LOGIN_PATH)) return;
    if (!sim.tokens.isValid(request.headers.authorization)) {
      return sendKenjoError(reply, 401, 'Unauthorized: the token is missing, unknown or expired.');
    }
  });

  api.post(LOGIN_PATH, async (request, reply) => {
    const parsed = loginBody.safeParse(request.body);
    if (!parsed.success || parsed.data.apiKey !== sim.apiKey) {
      const status = sim.faults().wrongKeyStatus;
      return sendKenjoError(
        reply,
        status,
        status === 400 ? 'Bad request: invalid apiKey.' : 'Unauthorized: the API key is not valid.',
      );
    }
    sim.bump('logins');
    const { token, expiresAtMs } = sim.tokens.issue(sim.faults().tokenLifetimeS);
    return reply.status(200).send({ token, 'X-Expires-After': new Date(expiresAtMs).toISOString() });
  });

  api.post('/auth/logout', async (request, reply) => {
    sim.tokens.revoke(request.headers.authorization ?? '');
    return reply.status(204).send();
  });
}
