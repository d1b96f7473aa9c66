import { validateBatch } from '../../core/validate-punch';
import { describeEmployee } from '../../core/punch';
import { HttpError } from '../http/errors';
import type { KioskRecord } from '../ledger/ledger';
import { commitWithOthers } from './commit-queue';
import { type BatchMemory, preparePunch } from './prepare-punch';
import type { IngestContext, IngestResult } from './types';

/**
 * `POST /api/v1/punches`: checks the envelope, measures the kiosk's clock from `sentAt`, prepares each punch (shape,
 * future limit, employee), then detects double scans and stores everything, with the kiosk's clock error and last
 * contact, in one transaction (shared with the batches of other requests that are ready at the same moment, see
 * `commit-queue.ts`). `accepted` is only answered after that commit. A resent batch answers `duplicate` for
 * what is stored and changes nothing. One log line per stored punch, through one child logger per batch.
 */
export async function ingestBatch(
  ctx: IngestContext,
  kiosk: KioskRecord,
  body: unknown,
): Promise<{ results: IngestResult[]; queued: number }> {
  const envelope = validateBatch(body);
  if (!envelope.ok) {
    throw new HttpError(envelope.reason === 'batch-too-large' ? 413 : 400, envelope.reason, envelope.message);
  }
  const receivedAtMs = ctx.now();
  const clockErrorMs = envelope.sentAtMs - receivedAtMs;
  const log = ctx.logger.child({ kioskId: kiosk.id });
  if (Math.abs(clockErrorMs) > ctx.maxClockSkewS * 1000) log.warn({ clockErrorMs }, 'kiosk clock is off');

  const batch = { kiosk, receivedAtMs, punches: envelope.punches };
  const memory: BatchMemory = { seenIds: new Set(), resolutions: new Map() };
  const prepared = [];
  for (const raw of envelope.punches) prepared.push(await preparePunch(ctx, batch, memory, raw));

  const seen = { kioskId: kiosk.id, clockErrorMs, lastSeenAtMs: receivedAtMs };
  const committed = await commitWithOthers(ctx, seen, prepared);
  let queued = 0;
  for (const { stored } of committed) {
    if (stored === null) continue;
    if (stored.status === 'queued') queued += 1;
    const state = stored.status === 'queued' ? 'accepted' : stored.status;
    const line = {
      punchId: stored.id,
      employee: describeEmployee(stored.employee),
      at: stored.at,
      kenjoDateTime: stored.kenjoDateTime,
      status: stored.status,
    };
    log.info(stored.reason === null ? line : { ...line, reason: stored.reason }, `punch ${state}`);
  }
  return { results: committed.map(({ result }) => result), queued };
}
