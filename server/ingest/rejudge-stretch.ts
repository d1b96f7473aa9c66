import { judgeChain } from '../../core/double-scan-chain';
import { doubleScanReason } from '../../core/double-scan';
import type { PunchReason } from '../../core/punch-reason';
import type { LedgerPunch, LedgerStatus, NewPunch } from '../ledger/ledger';
import type { IngestContext } from './types';

/** A fresh punch of the batch, with its place in the batch. */
export interface BatchEntry {
  index: number;
  record: NewPunch;
}

/** What a batch changes by the double-scan rule, beside inserting its own punches. */
export interface DoubleScanChanges {
  /** Fresh punches of the batch that are double scans, by their place in the batch. */
  decided: Map<number, NewPunch>;
  /** Stored queued punches that become double scans of an earlier punch. */
  displaced: Array<{ punch: LedgerPunch; reason: PunchReason }>;
  /** Stored double scans whose covering punch was displaced, and that nothing covers any more: sent after all. */
  restored: LedgerPunch[];
}

// Ignored ones too: a punch displaced now may have been the one that covered them.
const STRETCH: LedgerStatus[] = ['queued', 'sending', 'sent', 'failed', 'ignored'];

/**
 * One employee's batch punches when a stored punch lies less than a window after one of them (rare): the employee's
 * stored punches from the first of them on, as far as a chain of windows reaches, are judged again with them in time
 * order (`judgeChain`), so that the outcome is the one of punches arriving in time order. Punches before the batch's
 * first keep their verdicts; `keptBeforeAtMs` is the last of them kept within a window of it. The replay judges a
 * punch whose employee was resolved only after it arrived the same way, as a batch of one.
 */
export async function rejudgeStretch(
  ctx: Pick<IngestContext, 'doubleScanWindowS'> & {
    ledger: Pick<IngestContext['ledger'], 'punchesOfEmployeesBetween'>;
  },
  employeeKey: string,
  entries: readonly BatchEntry[],
  keptBeforeAtMs: number | null,
  changes: DoubleScanChanges,
): Promise<void> {
  const windowMs = ctx.doubleScanWindowS * 1000;
  const fromMs = entries[0]?.record.atMs ?? 0;
  let toMs = Math.max(...entries.map(({ record }) => record.atMs)) + windowMs - 1;
  let stored: LedgerPunch[];
  for (;;) {
    const found = await ctx.ledger.punchesOfEmployeesBetween([{ employeeKey, fromMs, toMs }], STRETCH);
    stored = found.get(employeeKey) ?? [];
    const reach = Math.max(toMs, ...stored.map((punch) => punch.atMs + windowMs - 1));
    if (reach === toMs) break;
    toMs = reach;
  }
  // At one instant: what went to Kenjo first, then what is kept, then what is ignored, then the batch's.
  const rank = (punch: LedgerPunch) => (punch.status === 'ignored' ? 2 : punch.status === 'queued' ? 1 : 0);
  const scans = [
    ...stored.map((punch) => ({ atMs: punch.atMs, order: rank(punch), tie: punch.seq, punch })),
    ...entries.map((entry) => ({ atMs: entry.record.atMs, order: 3, tie: entry.index, entry })),
  ].sort((a, b) => a.atMs - b.atMs || a.order - b.order || a.tie - b.tie);
  const movable = (scan: (typeof scans)[number]) => scan.order > 0;
  const verdicts = judgeChain(
    scans.map((scan) => ({ atMs: scan.atMs, movable: movable(scan) })),
    keptBeforeAtMs,
    ctx.doubleScanWindowS,
  );
  scans.forEach((scan, i) => {
    const verdict = verdicts[i];
    if (verdict === undefined) return;
    if ('entry' in scan) {
      if (verdict.keep) return;
      const { index, record } = scan.entry;
      const reason = doubleScanReason(verdict.coveredByAtMs, record.timeZone);
      changes.decided.set(index, { ...record, status: 'ignored', reason });
    } else if (scan.punch.status === 'queued' && !verdict.keep) {
      const reason = doubleScanReason(verdict.coveredByAtMs, scan.punch.timeZone);
      changes.displaced.push({ punch: scan.punch, reason });
    } else if (scan.punch.status === 'ignored' && verdict.keep) {
      changes.restored.push(scan.punch);
    }
  });
}
