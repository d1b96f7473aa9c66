import type { ChainHeadAround, EmployeeRange, LedgerPunch } from './punch-records';

/**
 * `chainHeadsAround` from its two reads: the heads, and the punches around the queued ones (`between`, which answers
 * each employee's punches in order). A queued head whose employee has none there gets an empty list.
 */
export function withNeighbours(
  heads: ReadonlyMap<string, LedgerPunch>,
  aroundMs: number,
  between: (ranges: EmployeeRange[]) => Map<string, LedgerPunch[]>,
): Map<string, ChainHeadAround> {
  const ranges: EmployeeRange[] = [];
  for (const [employeeKey, head] of heads) {
    if (head.status === 'queued') {
      ranges.push({ employeeKey, fromMs: head.atMs - aroundMs, toMs: head.atMs + aroundMs });
    }
  }
  const near = ranges.length === 0 ? new Map<string, LedgerPunch[]>() : between(ranges);
  const around = new Map<string, ChainHeadAround>();
  for (const [key, head] of heads) {
    around.set(key, { head, near: head.status === 'queued' ? (near.get(key) ?? []) : null });
  }
  return around;
}
