/**
 * Compares the simulator's log of applied track-time calls (the ground truth) with the plan: every punch exactly
 * once, each employee's punches in order, and the overnight flag where the plan closes a night shift.
 */
import type { TrackTimeLogEntry } from '../../server/simulator';
import type { PlannedPunch } from './punch-plan';

export interface Verdict {
  applied: number;
  expected: number;
  duplicates: number;
  missing: number;
  outOfOrder: number;
  wrongOvernight: number;
  ok: boolean;
}

export function checkDelivery(log: readonly TrackTimeLogEntry[], plan: readonly PlannedPunch[]): Verdict {
  const seen = new Map<string, number>();
  for (const entry of log) {
    const key = `${entry.employeeId}@${entry.dateTime}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  let duplicates = 0;
  for (const count of seen.values()) duplicates += count - 1;

  let missing = 0;
  let wrongOvernight = 0;
  const flags = new Map(log.map((e) => [`${e.employeeId}@${e.dateTime}`, e.appliedAs === 'overnight-close']));
  for (const p of plan) {
    const flag = flags.get(`${p.employee._id}@${p.kenjoDateTime}`);
    if (flag === undefined) missing += 1;
    else if (flag !== p.closesOvernight) wrongOvernight += 1;
  }

  let outOfOrder = 0;
  const last = new Map<string, string>();
  for (const entry of log) {
    const previous = last.get(entry.employeeId);
    if (previous !== undefined && previous > entry.dateTime) outOfOrder += 1;
    last.set(entry.employeeId, entry.dateTime);
  }
  const ok =
    log.length === plan.length &&
    duplicates === 0 &&
    missing === 0 &&
    outOfOrder === 0 &&
    wrongOvernight === 0;
  return { applied: log.length, expected: plan.length, duplicates, missing, outOfOrder, wrongOvernight, ok };
}

export function describeVerdict(v: Verdict): string {
  return (
    `${v.applied} applied of ${v.expected}; ${v.duplicates} duplicates, ${v.missing} missing, ` +
    `${v.outOfOrder} out of order, ${v.wrongOvernight} wrong overnight flags`
  );
}
