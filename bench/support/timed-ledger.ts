/**
 * A view of the ledger that adds up the time spent in each method the replay calls, until its promise settles.
 * SQLite's ledger answers at once from better-sqlite3, which is synchronous, so that time (the SQL and the fsync of
 * every commit) is time the event loop can do nothing else. A proxy rather than a list of methods, so that the view
 * follows the ledger's interface as it grows.
 */
import type { AsyncLedger } from '../../server/ledger/async-ledger';

export interface LedgerTiming {
  ms: Record<string, number>;
  calls: Record<string, number>;
}

export function timedLedger(ledger: AsyncLedger): { ledger: AsyncLedger; timing: LedgerTiming } {
  const timing: LedgerTiming = { ms: {}, calls: {} };
  const view = new Proxy(ledger, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        const startedMs = performance.now();
        const settled = () => {
          timing.ms[property] = (timing.ms[property] ?? 0) + performance.now() - startedMs;
          timing.calls[property] = (timing.calls[property] ?? 0) + 1;
        };
        return Promise.resolve((value as (...a: unknown[]) => unknown).apply(target, args)).finally(settled);
      };
    },
  });
  return { ledger: view, timing };
}
