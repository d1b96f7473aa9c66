/**
 * The one Kenjo client of the proxy. Composes the session (shared login, token reuse, 401 recovery), track-time
 * with its named outcomes, the read-back, and the employee list. See `types.ts` for the contract.
 */
import { listEmployees } from './directory';
import { Health } from './health';
import { listAttendances } from './read-back';
import { Session } from './session';
import { trackTime } from './track-time';
import type { KenjoClient, KenjoClientOptions } from './types';

export const DEFAULT_TIMEOUT_MS = 10_000;

export function createKenjoClient({
  baseUrl,
  apiKey,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  logger,
  now = Date.now,
  configurationRetry,
}: KenjoClientOptions): KenjoClient {
  const health = new Health(now, configurationRetry);
  const session = new Session({ baseUrl, apiKey, timeoutMs, now, health, logger });
  const context = { session, health, now, logger };
  return {
    trackTime: (request) => trackTime(context, request),
    listEmployees: () => listEmployees(context),
    listAttendances: (from, to) => listAttendances(context, from, to),
    stats: () => health.snapshot(),
    close: async () => {
      try {
        await session.logout();
      } catch (err) {
        logger?.debug({ err: String(err) }, 'kenjo logout failed; ignored');
      }
    },
  };
}
