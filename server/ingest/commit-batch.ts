import { doubleScanReason, findDoubleScan } from '../../core/double-scan';
import { employeeIdentifier } from '../../core/punch';
import type { NewPunch } from '../ledger/ledger';
import type { IngestContext, IngestResult, PreparedPunch } from './types';

/** Punches of one person within this batch: by Kenjo id when resolved, else by the identifier as sent. */
function personKey(record: NewPunch): string {
  if (record.employeeKey !== null) return `key:${record.employeeKey}`;
  const { field, value } = employeeIdentifier(record.employee);
  return `${field}:${value}`;
}

/**
 * Double-scan detection and the insert, in one synchronous stretch: no `await` between reading the ledger and
 * writing it, so a concurrent batch (another kiosk, the same person) cannot slip a second punch past the check.
 * A punch that an earlier punch of the same person (stored, or earlier in this batch) already covers within the
 * window is stored as `ignored`; ignored punches do not cover later ones, as in the ledger.
 */
export interface CommittedPunch {
  result: IngestResult;
  /** What was inserted; null when nothing was (answered before, or already stored). */
  stored: NewPunch | null;
}

type Slot = { kind: 'answered'; result: IngestResult } | { kind: 'insert'; record: NewPunch };

export function commitBatch(ctx: IngestContext, prepared: readonly PreparedPunch[]): CommittedPunch[] {
  const windowMs = ctx.doubleScanWindowS * 1000;
  const batchTimes = new Map<string, number[]>();
  const slots = prepared.map((entry): Slot => {
    if (entry.kind === 'answered') return entry;
    let record = entry.record;
    if (ctx.ledger.getPunch(record.kioskId, record.id)) {
      return { kind: 'answered', result: { id: record.id, status: 'duplicate' } };
    }
    if (record.status === 'queued' && windowMs > 0) {
      const person = personKey(record);
      const earlier = batchTimes.get(person) ?? [];
      const stored =
        record.employeeKey === null
          ? []
          : ctx.ledger
              .punchesOfEmployeeBetween(record.employeeKey, record.atMs - windowMs, record.atMs + windowMs)
              .map((punch) => punch.atMs);
      const firstAtMs = findDoubleScan([...stored, ...earlier], record.atMs, ctx.doubleScanWindowS);
      if (firstAtMs === null) batchTimes.set(person, [...earlier, record.atMs]);
      else record = { ...record, status: 'ignored', reason: doubleScanReason(firstAtMs, record.timeZone) };
    }
    return { kind: 'insert', record };
  });

  const toInsert = slots.flatMap((slot) => (slot.kind === 'insert' ? [slot.record] : []));
  const outcomes = ctx.ledger.insertPunches(toInsert);
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
