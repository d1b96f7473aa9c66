/**
 * A view of the ledger that adds up the time spent in each replay-facing method. better-sqlite3 is synchronous, so
 * that time (the SQL and the fsync of every commit) is time the event loop can do nothing else.
 */
import type { ReplayLedger } from '../../server/replay/types';

const METHODS = [
  'dueChainHeads',
  'unresolvedPunches',
  'deliveredHistory',
  'countSentAt',
  'transition',
] as const satisfies ReadonlyArray<keyof ReplayLedger>;

export interface LedgerTiming {
  ms: Record<(typeof METHODS)[number], number>;
  calls: Record<(typeof METHODS)[number], number>;
}

export function timedLedger(ledger: ReplayLedger): { ledger: ReplayLedger; timing: LedgerTiming } {
  const ms = Object.fromEntries(METHODS.map((m) => [m, 0])) as LedgerTiming['ms'];
  const calls = { ...ms };
  function timed<A extends unknown[], R>(name: (typeof METHODS)[number], fn: (...args: A) => R) {
    return (...args: A): R => {
      const startedMs = performance.now();
      try {
        return fn(...args);
      } finally {
        ms[name] += performance.now() - startedMs;
        calls[name] += 1;
      }
    };
  }
  return {
    ledger: {
      dueChainHeads: timed('dueChainHeads', ledger.dueChainHeads.bind(ledger)),
      unresolvedPunches: timed('unresolvedPunches', ledger.unresolvedPunches.bind(ledger)),
      deliveredHistory: timed('deliveredHistory', ledger.deliveredHistory.bind(ledger)),
      countSentAt: timed('countSentAt', ledger.countSentAt.bind(ledger)),
      transition: timed('transition', ledger.transition.bind(ledger)),
    },
    timing: { ms, calls },
  };
}
