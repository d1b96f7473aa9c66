/**
 * Throttles guessing of credentials (pairing codes, the admin token at sign-in or as a bearer token), with
 * @fastify/rate-limit's counters: failed attempts are counted per client address (the forwarded one only when
 * TRUST_PROXY says so) and for all clients together, and once either count is used up for the window every attempt
 * is refused with `429` before the credential is even compared. Successful attempts cost nothing, so an operator
 * who types the right token is not slowed down by their own earlier typo beyond the window.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors';

export interface ThrottleLimits {
  /** Failed attempts one client may make per window. */
  perClient: number;
  /** Failed attempts all clients together may make per window (a botnet is not many clients' worth of guesses). */
  global: number;
  windowMs: number;
}

export const CREDENTIAL_LIMITS: ThrottleLimits = { perClient: 10, global: 100, windowMs: 60_000 };

export interface CredentialThrottle {
  /** Throws the contract's `429` while this client, or everyone together, has no attempts left. */
  check(request: FastifyRequest): Promise<void>;
  /** Counts one failed attempt of this client. */
  failed(request: FastifyRequest): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by `createCredentialThrottle`; apps without it (unit tests of one route) throttle nothing. */
    credentialThrottle?: CredentialThrottle;
  }
}

/** The app's throttle, or one that lets everything through where the app has none. */
export function throttleOf(request: FastifyRequest): CredentialThrottle {
  return request.server.credentialThrottle ?? UNTHROTTLED;
}

const UNTHROTTLED: CredentialThrottle = { check: async () => {}, failed: async () => {} };

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

async function secondsUntilFree(limiter: Limiter, request: FastifyRequest): Promise<number | null> {
  const state = await limiter(request, { increment: false });
  if (state.isAllowed || state.remaining > 0) return null;
  return Math.max(1, state.ttlInSeconds);
}

export async function createCredentialThrottle(
  app: FastifyInstance,
  limits: ThrottleLimits = CREDENTIAL_LIMITS,
): Promise<CredentialThrottle> {
  if (!app.hasDecorator('createRateLimit')) await app.register(rateLimit, { global: false });
  const perClient = app.createRateLimit({
    max: limits.perClient,
    timeWindow: limits.windowMs,
    keyGenerator: (request) => `credential:${request.ip}`,
  });
  const global = app.createRateLimit({
    max: limits.global,
    timeWindow: limits.windowMs,
    keyGenerator: () => 'credential:*',
  });
  const throttle: CredentialThrottle = {
    async check(request) {
      const waitS = (await secondsUntilFree(perClient, request)) ?? (await secondsUntilFree(global, request));
      if (waitS === null) return;
      throw new HttpError(429, 'too-many-attempts', `Too many failed attempts; try again in ${waitS} s.`, {
        'retry-after': String(waitS),
      });
    },
    async failed(request) {
      await perClient(request);
      await global(request);
    },
  };
  app.decorate('credentialThrottle', throttle);
  return throttle;
}
