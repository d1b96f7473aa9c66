/**
 * `GET /api/v1/admin/kenjo`: is Kenjo answering, how far behind is replay, how old is the employee directory.
 * `GET /api/v1/admin/audit`: operators' actions, newest first, each with what it was about (`auditSubjects`).
 */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { HttpError } from '../http/errors';
import type { KenjoClientStats } from '../kenjo/types';
import type { RouteDeps } from '../routes/deps';
import { isoOrNull } from './admin-ledger';
import { auditSubjects } from './audit-subjects';

export type KenjoConnection = 'ok' | 'failing' | 'not-yet-called';

/** Failing when the last error is newer than the last success. */
export function connectionState(stats: KenjoClientStats | null): KenjoConnection {
  if (!stats || (stats.lastSuccessAtMs === null && stats.lastErrorAtMs === null)) return 'not-yet-called';
  if (
    stats.lastErrorAtMs !== null &&
    (stats.lastSuccessAtMs === null || stats.lastErrorAtMs > stats.lastSuccessAtMs)
  ) {
    return 'failing';
  }
  return 'ok';
}

const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});

export function registerStatusRoutes(app: FastifyInstance, { config, services, adminAuth }: RouteDeps): void {
  const { ledger, kenjo } = services;
  app.get('/api/v1/admin/kenjo', { onRequest: adminAuth }, async () => {
    const nowMs = services.now();
    const stats = kenjo.stats();
    const backlog = await ledger.backlog(nowMs);
    const directory = await ledger.loadDirectory();
    return {
      demoMode: config.demoMode,
      connection: connectionState(stats),
      lastSuccessAt: isoOrNull(stats?.lastSuccessAtMs ?? null),
      lastError: stats?.lastError ?? null,
      lastErrorAt: isoOrNull(stats?.lastErrorAtMs ?? null),
      trackTimeCalls: stats?.trackTimeCalls ?? 0,
      backlog: {
        waiting: backlog.waiting,
        failed: backlog.failed,
        oldestReceivedAt: isoOrNull(backlog.oldestReceivedAtMs),
        oldestAgeS:
          backlog.oldestReceivedAtMs === null
            ? null
            : Math.max(0, Math.floor((nowMs - backlog.oldestReceivedAtMs) / 1000)),
      },
      problems: stats?.configurationProblems ?? [],
      skipped: stats?.skippedRecords ?? [],
      unexpectedAnswers: {
        count: stats?.unexpectedAnswers.count ?? 0,
        last: stats?.unexpectedAnswers.last ?? null,
        lastAt: isoOrNull(stats?.unexpectedAnswers.atMs ?? null),
      },
      directory: {
        fetchedAt: isoOrNull(directory?.fetchedAtMs ?? null),
        ageS: directory ? Math.max(0, Math.floor((nowMs - directory.fetchedAtMs) / 1000)) : null,
        employees: directory?.employees.length ?? 0,
        activeEmployees: directory?.employees.filter((e) => e.isActive).length ?? 0,
      },
    };
  });

  app.get('/api/v1/admin/audit', { onRequest: adminAuth }, async (request) => {
    const parsed = auditQuery.safeParse(request.query);
    if (!parsed.success) throw new HttpError(400, 'bad-query', 'limit must be 1–500 and before an epoch ms.');
    const { limit, before } = parsed.data;
    const entries = await ledger.listAudit(limit, before);
    const subjects = await auditSubjects(ledger, entries);
    const last = entries.at(-1);
    return {
      entries: entries.map((e, i) => ({
        ...e,
        at: new Date(e.atMs).toISOString(),
        subject: subjects[i] ?? null,
      })),
      nextBefore: entries.length === limit && last ? last.atMs : null,
    };
  });
}
