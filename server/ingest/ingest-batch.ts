import { validateBatch } from '../../core/validate-punch';
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
 * what is stored and changes nothing. One log line per stored punch (ids and status), one per request for all
 * its rejected punches, through one child logger per batch.
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
  let rejected = 0;
  for (const { stored } of committed) {
    if (stored === null) continue;
    if (stored.status === 'queued') queued += 1;
    if (stored.status === 'rejected') {
      rejected += 1;
      continue;
    }
    const state = stored.status === 'queued' ? 'accepted' : stored.status;
    // Ids and statuses only: a badge, an email or a name is personal data, and reasons may quote them.
    log.info({ punchId: stored.id, status: stored.status }, `punch ${state}`);
  }
  const unstored = committed.filter(({ result }) => result.status === 'rejected').length - rejected;
  if (rejected + unstored > 0) {
    // One line per request however many were refused, so a flood of bad punches is not a flood of log lines.
    log.warn({ rejected, notStored: unstored, punches: envelope.punches.length }, 'punches rejected');
  }
  return { results: committed.map(({ result }) => result), queued };
}
