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
export function commitBatch(
  ctx: IngestContext,
  prepared: readonly PreparedPunch[],
): Array<{
  result: IngestResult;
  stored: NewPunch | null;
}> {
  const windowMs = ctx.doubleScanWindowS * 1000;
  const batchTimes = new Map<string, number[]>();
  const toInsert: NewPunch[] = [];
  const slots = prepared.map((entry) => {
    if (entry.kind === 'answered') return { answered: entry.result, record: null };
    let record = entry.record;
    if (ctx.ledger.getPunch(record.kioskId, record.id)) {
      return { answered: { id: record.id, status: 'duplicate' } satisfies IngestResult, record: null };
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
    toInsert.push(record);
    return { answered: null, record };
  });

  const outcomes = ctx.ledger.insertPunches(toInsert);
  let next = 0;
  return slots.map(({ answered, record }) => {
    if (answered !== null || record === null) {
      return { result: answered ?? { id: null, status: 'rejected' }, stored: null };
    }
    const outcome = outcomes[next];
    next += 1;
    if (outcome !== 'inserted') return { result: { id: record.id, status: 'duplicate' }, stored: null };
    const status = record.status === 'rejected' ? 'rejected' : 'accepted';
    const result: IngestResult = {
      id: record.id,
      status,
      ...(record.reason === null ? {} : { reason: record.reason }),
    };
    return { result, stored: record };
  });
}
