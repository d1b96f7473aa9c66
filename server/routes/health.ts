import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './deps';

/** Kenjo counts as reachable when its last answer is newer than its last failure. */
function kenjoReachable(lastSuccessAtMs: number | null, lastErrorAtMs: number | null): boolean {
  return lastSuccessAtMs !== null && (lastErrorAtMs === null || lastSuccessAtMs >= lastErrorAtMs);
}

/** `GET /api/v1/health` (no token): answers once the server accepts punches; backlog counts and Kenjo's yes/no. */
export function registerHealth(app: FastifyInstance, { config, services }: RouteDeps): void {
  app.get('/api/v1/health', async () => {
    const nowMs = services.now();
    const backlog = await services.ledger.backlog(nowMs);
    const stats = services.kenjo.stats();
    return {
      status: 'ok',
      demoMode: config.demoMode,
      backlog: {
        waiting: backlog.waiting,
        failed: backlog.failed,
        oldestAgeS:
          backlog.oldestReceivedAtMs === null
            ? null
            : Math.max(0, Math.floor((nowMs - backlog.oldestReceivedAtMs) / 1000)),
      },
      // Yes/no only: Kenjo's error texts can name the tenant, employees or URLs; they stay in the admin console.
      kenjo: { reachable: kenjoReachable(stats.lastSuccessAtMs, stats.lastErrorAtMs) },
    };
  });
}
