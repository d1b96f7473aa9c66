import { decideDoubleScan, doubleScanReason, type RecordedScan } from '../../core/double-scan';
import { personKey } from '../../core/punch';
import { reasonText } from '../../core/punch-reason';
import type { EmployeeRange, KioskSeen, NewPunch } from '../ledger/ledger';
import { duplicateAnswers } from './duplicate-answer';
import { type BatchEntry, type DoubleScanChanges, rejudgeStretch } from './rejudge-stretch';
import {
  DisplacedPunchMovedError,
  type IngestContext,
  type IngestResult,
  type PreparedPunch,
  type RejectAnswer,
} from './types';

export interface CommittedPunch {
  result: IngestResult;
  /** What was inserted; null when nothing was (answered before, or already stored). */
  stored: NewPunch | null;
}

type Slot =
  | { kind: 'answered'; result: IngestResult }
  | { kind: 'insert'; record: NewPunch; answer?: RejectAnswer | undefined; name?: string | undefined };

/** The name goes with every answer but a refusal: a rejected punch names nobody (an inactive employee is not named). */
const named = (name: string | undefined) => (name === undefined ? {} : { name });

/** Per resolved employee of the batch, the instants whose stored punches can make one of its punches a double scan. */
function windowRanges(records: readonly NewPunch[], windowMs: number): EmployeeRange[] {
  const ranges = new Map<string, EmployeeRange>();
  for (const { employeeKey, atMs, status } of records) {
    if (employeeKey === null || status !== 'queued') continue;
    const range = ranges.get(employeeKey);
    if (range === undefined) {
      ranges.set(employeeKey, { employeeKey, fromMs: atMs - windowMs, toMs: atMs + windowMs });
    } else {
      range.fromMs = Math.min(range.fromMs, atMs - windowMs);
      range.toMs = Math.max(range.toMs, atMs + windowMs);
    }
  }
  return [...ranges.values()];
}

/**
 * Duplicate and double-scan detection and the insert, in one transaction that holds the batch's employees
 * (`lockEmployees`, taken by the caller), so a concurrent batch (another kiosk, the same person, another instance)
 * cannot slip a second punch past the check. The reads are one query each for the whole batch (ids already stored; each employee's recorded instants
 * around the batch's punches), the write one transaction that also records the kiosk as seen, so one commit.
 * The double-scan rule (`decideDoubleScan`) keeps the earlier of two punches of a person within the window, whatever
 * order they arrive in: the batch is decided in time order, and a stored later punch not yet gone to Kenjo is
 * displaced (ignored). Ignored punches do not cover later ones, as in the ledger.
 */
export async function commitBatch(
  ctx: IngestContext,
  seen: KioskSeen,
  prepared: readonly PreparedPunch[],
): Promise<CommittedPunch[]> {
  const windowMs = ctx.doubleScanWindowS * 1000;
  const records = prepared.flatMap((entry) => (entry.kind === 'store' ? [entry.record] : []));
  // Both reads go out together, one round trip while the employees are held. The windows are those of every punch of
  // the batch, resent ones too: what a resent punch's window adds lies a window or more from every new punch of its
  // employee, where the rule does not look.
  const [storedIds, recorded] = await Promise.all([
    ctx.ledger.storedPunchIds(
      seen.kioskId,
      records.map((record) => record.id),
    ),
    windowMs > 0
      ? ctx.ledger.punchTimesBetween(windowRanges(records, windowMs))
      : new Map<string, number[]>(),
  ]);
  const { decided, displaced, restored } = await decideDoubleScans(ctx, prepared, storedIds, recorded);
  const resent = await duplicateAnswers(
    ctx,
    prepared.flatMap((entry) =>
      entry.kind === 'store' && storedIds.has(entry.record.id)
        ? [{ record: entry.record, name: entry.name }]
        : [],
    ),
  );
  const slots = prepared.map((entry, index): Slot => {
    if (entry.kind === 'answered') return entry;
    const duplicate = resent.get(entry.record.id);
    if (duplicate !== undefined) return { kind: 'answered', result: duplicate };
    const record = decided.get(index) ?? entry.record;
    return { kind: 'insert', record, answer: entry.answer, name: entry.name };
  });

  const toInsert = slots.flatMap((slot) => (slot.kind === 'insert' ? [slot.record] : []));
  // The later punches this batch displaces become double scans in the same commit as the batch.
  const outcomes = await ctx.ledger.atomically(async () => {
    for (const { punch, reason } of displaced) {
      const moved = await ctx.ledger.transition(punch.kioskId, punch.id, {
        from: ['queued'],
        to: 'ignored',
        reason,
        seq: punch.seq,
      });
      if (moved === null) throw new DisplacedPunchMovedError();
    }
    // Double scans of a punch just displaced that nothing else covers: sent after all, as in time order.
    for (const punch of restored) {
      const moved = await ctx.ledger.transition(punch.kioskId, punch.id, {
        from: ['ignored'],
        to: 'queued',
        reason: null,
        seq: punch.seq,
      });
      if (moved === null) throw new DisplacedPunchMovedError();
    }
    return ctx.ledger.insertKioskBatch(seen, toInsert);
  });
  const inserts = slots.flatMap((slot) => (slot.kind === 'insert' ? [slot] : []));
  // Another request may have stored one of these ids first, between the check above and this commit.
  const raced = await duplicateAnswers(
    ctx,
    inserts.filter((_slot, i) => outcomes[i] !== 'inserted').map(({ record, name }) => ({ record, name })),
  );
  return slots.map((slot): CommittedPunch => {
    if (slot.kind === 'answered') return { result: slot.result, stored: null };
    const { record } = slot;
    const duplicate = raced.get(record.id);
    if (duplicate !== undefined) return { result: duplicate, stored: null };
    const status = record.status === 'rejected' ? 'rejected' : 'accepted';
    const reason = record.reason === null ? {} : { reason: reasonText(record.reason) };
    const answer = status === 'rejected' ? slot.answer : named(slot.name);
    return { result: { id: record.id, status, ...reason, ...answer }, stored: record };
  });
}

/**
 * Each fresh queued punch of the batch decided in time order, against the stored ones and the batch's kept ones. An
 * employee with a stored punch less than a window after one of the batch's (rare: a late kiosk, or two kiosks at
 * once) has the stretch around it judged again as a whole (`rejudgeStretch`).
 */
async function decideDoubleScans(
  ctx: IngestContext,
  prepared: readonly PreparedPunch[],
  storedIds: ReadonlySet<string>,
  recorded: ReadonlyMap<string, number[]>,
): Promise<DoubleScanChanges> {
  const changes: DoubleScanChanges = { decided: new Map(), displaced: [], restored: [] };
  const windowMs = ctx.doubleScanWindowS * 1000;
  if (windowMs <= 0) return changes;
  const order = prepared
    .flatMap((entry, index) =>
      entry.kind === 'store' && entry.record.status === 'queued' && !storedIds.has(entry.record.id)
        ? [{ index, record: entry.record }]
        : [],
    )
    .sort((a, b) => a.record.atMs - b.record.atMs || a.index - b.index);
  const recordedOf = (record: NewPunch) =>
    record.employeeKey === null ? [] : (recorded.get(record.employeeKey) ?? []);
  const stretches = new Map<string, BatchEntry[]>();
  for (const { record } of order) {
    const laterStored = recordedOf(record).some(
      (atMs) => atMs > record.atMs && atMs - record.atMs < windowMs,
    );
    if (laterStored && record.employeeKey !== null) stretches.set(record.employeeKey, []);
  }
  const kept = new Map<string, number[]>();
  for (const entry of order) {
    const { index, record } = entry;
    const stretch = record.employeeKey === null ? undefined : stretches.get(record.employeeKey);
    if (stretch !== undefined) {
      stretch.push(entry);
      continue;
    }
    const person = personKey(record);
    const scans: RecordedScan[] = [
      ...recordedOf(record).filter((atMs) => atMs <= record.atMs),
      ...(kept.get(person) ?? []),
    ].map((atMs) => ({ atMs, movable: false }));
    const decision = decideDoubleScan(scans, record.atMs, ctx.doubleScanWindowS);
    if (decision.kind === 'ignore') {
      const reason = doubleScanReason(decision.coveredByAtMs, record.timeZone);
      changes.decided.set(index, { ...record, status: 'ignored', reason });
    } else {
      kept.set(person, [...(kept.get(person) ?? []), record.atMs]);
    }
  }
  for (const [employeeKey, entries] of stretches) {
    const firstAtMs = entries[0]?.record.atMs ?? 0;
    const before = (recorded.get(employeeKey) ?? []).filter((atMs) => atMs < firstAtMs);
    const keptBeforeAtMs = before.length === 0 ? null : Math.max(...before);
    await rejudgeStretch(ctx, employeeKey, entries, keptBeforeAtMs, changes);
  }
  return changes;
}
