/**
 * A view of the ledger that adds up the time spent in each method the replay calls. better-sqlite3 is synchronous,
 * so that time (the SQL and the fsync of every commit) is time the event loop can do nothing else. A proxy rather
 * than a list of methods, so that the view follows the ledger's interface as it grows.
 */
import type { Ledger } from '../../server/ledger/ledger';

export interface LedgerTiming {
  ms: Record<string, number>;
  calls: Record<string, number>;
}

export function timedLedger(ledger: Ledger): { ledger: Ledger; timing: LedgerTiming } {
  const timing: LedgerTiming = { ms: {}, calls: {} };
  const view = new Proxy(ledger, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        const startedMs = performance.now();
        try {
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        } finally {
          timing.ms[property] = (timing.ms[property] ?? 0) + performance.now() - startedMs;
          timing.calls[property] = (timing.calls[property] ?? 0) + 1;
        }
      };
    },
  });
  return { ledger: view, timing };
}
