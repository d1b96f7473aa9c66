import { doubleScanReason, findDoubleScan } from '../../core/double-scan';
import { employeeIdentifier } from '../../core/punch';
import type { EmployeeRange, KioskSeen, NewPunch } from '../ledger/ledger';
import type { IngestContext, IngestResult, PreparedPunch } from './types';

export interface CommittedPunch {
  result: IngestResult;
  /** What was inserted; null when nothing was (answered before, or already stored). */
  stored: NewPunch | null;
}

type Slot = { kind: 'answered'; result: IngestResult } | { kind: 'insert'; record: NewPunch };

/** Punches of one person within this batch: by Kenjo id when resolved, else by the identifier as sent. */
function personKey(record: NewPunch): string {
  if (record.employeeKey !== null) return `key:${record.employeeKey}`;
  const { field, value } = employeeIdentifier(record.employee);
  return `${field}:${value}`;
}

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
 * Duplicate and double-scan detection and the insert, in one synchronous stretch: no `await` between reading the
 * ledger and writing it, so a concurrent batch (another kiosk, the same person) cannot slip a second punch past the
 * check. The reads are one query each for the whole batch (ids already stored; each employee's recorded instants
 * around the batch's punches), the write one transaction that also records the kiosk as seen, so one commit.
 * A punch that an earlier punch of the same person (stored, or earlier in this batch) already covers within the
 * window is stored as `ignored`; ignored punches do not cover later ones, as in the ledger.
 */
export function commitBatch(
  ctx: IngestContext,
  seen: KioskSeen,
  prepared: readonly PreparedPunch[],
): CommittedPunch[] {
  const windowMs = ctx.doubleScanWindowS * 1000;
  const records = prepared.flatMap((entry) => (entry.kind === 'store' ? [entry.record] : []));
  const storedIds = ctx.ledger.storedPunchIds(
    seen.kioskId,
    records.map((record) => record.id),
  );
  const fresh = records.filter((record) => !storedIds.has(record.id));
  const recorded = windowMs > 0 ? ctx.ledger.punchTimesBetween(windowRanges(fresh, windowMs)) : new Map();
  const batchTimes = new Map<string, number[]>();
  const slots = prepared.map((entry): Slot => {
    if (entry.kind === 'answered') return entry;
    let record = entry.record;
    if (storedIds.has(record.id)) return { kind: 'answered', result: { id: record.id, status: 'duplicate' } };
    if (record.status === 'queued' && windowMs > 0) {
      const person = personKey(record);
      const earlier = batchTimes.get(person) ?? [];
      const stored: readonly number[] =
        (record.employeeKey === null ? undefined : recorded.get(record.employeeKey)) ?? [];
      const firstAtMs = findDoubleScan([...stored, ...earlier], record.atMs, ctx.doubleScanWindowS);
      if (firstAtMs === null) batchTimes.set(person, [...earlier, record.atMs]);
      else record = { ...record, status: 'ignored', reason: doubleScanReason(firstAtMs, record.timeZone) };
    }
    return { kind: 'insert', record };
  });

  const toInsert = slots.flatMap((slot) => (slot.kind === 'insert' ? [slot.record] : []));
  const outcomes = ctx.ledger.insertKioskBatch(seen, toInsert);
  let next = 0;
  return slots.map((slot): CommittedPunch => {
    if (slot.kind === 'answered') return { result: slot.result, stored: null };
    const { record } = slot;
    const outcome = outcomes[next];
    next += 1;
    if (outcome !== 'inserted') return { result: { id: record.id, status: 'duplicate' }, stored: null };
    const status = record.status === 'rejected' ? 'rejected' : 'accepted';
    const reason = record.reason === null ? {} : { reason: record.reason };
    return { result: { id: record.id, status, ...reason }, stored: record };
  });
}
