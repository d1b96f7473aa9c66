/**
 * What an operator must act on: failed punches (Kenjo refused them, or they became unresolvable) and punches
 * rejected at ingest, newest first, a page at a time. A failed punch heads its employee's chain and holds back every
 * later unsettled punch of that employee; each failed item says how many wait behind it.
 */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { HttpError } from '../http/errors';
import type { LedgerPunch } from '../ledger/ledger';
import type { RouteDeps } from '../routes/deps';
import { employeeNames, type AdminLedger } from './admin-ledger';
import { toPunchView } from './punch-view';

const query = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.coerce.number().int().positive().optional(),
});

/** Unsettled punches of the same employee after the failed one, which replay will not send until it is settled. */
export async function heldBehind(ledger: AdminLedger, failed: LedgerPunch): Promise<number> {
  if (failed.employeeKey === null) return 0;
  const later = await ledger.punchesOfEmployeeBetween(
    failed.employeeKey,
    failed.atMs,
    Number.MAX_SAFE_INTEGER,
  );
  return later.filter(
    (p) =>
      (p.status === 'queued' || p.status === 'sending') &&
      (p.atMs > failed.atMs || (p.atMs === failed.atMs && p.seq > failed.seq)),
  ).length;
}

export function registerAttentionRoute(app: FastifyInstance, { services, adminAuth }: RouteDeps): void {
  const { ledger } = services;
  app.get('/api/v1/admin/attention', { onRequest: adminAuth }, async (request) => {
    const parsed = query.safeParse(request.query);
    if (!parsed.success)
      throw new HttpError(400, 'bad-query', 'limit must be 1–200 and cursor a positive number.');
    const { limit, cursor } = parsed.data;
    const page = await ledger.listPunches({
      status: ['failed', 'rejected'],
      limit,
      ...(cursor ? { cursor } : {}),
    });
    const nameOf = await employeeNames(ledger);
    const counts = await ledger.countByStatus();
    const items = [];
    for (const punch of page.punches) {
      items.push({
        ...toPunchView(punch, nameOf),
        heldBehind: punch.status === 'failed' ? await heldBehind(ledger, punch) : 0,
      });
    }
    return {
      failedCount: counts.failed,
      rejectedCount: counts.rejected,
      items,
      nextCursor: page.nextCursor,
    };
  });
}
