import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Ledger } from './ledger';
import type { AsyncLedger } from './async-ledger';
import { createSqliteLedger } from './sqlite-ledger';

/**
 * SQLite's ledger behind the promise-returning interface the PostgreSQL ledger has, so callers can be written once
 * for both. Every call is answered at once from the synchronous ledger. `atomically` opens the transaction by hand
 * (better-sqlite3's own transactions cannot span an `await`); while it is open, calls from outside it wait, since on
 * the single connection they would otherwise join it and be undone with it.
 */
export function asyncSqliteLedger(db: Database.Database): AsyncLedger {
  const ledger = createSqliteLedger(db);
  const inside = new AsyncLocalStorage<{ savepoints: number }>();
  let idle: Promise<void> = Promise.resolve();

  async function call<T>(read: () => T): Promise<T> {
    if (inside.getStore() === undefined) await idle;
    return read();
  }

  async function transaction<T>(work: () => Promise<T>): Promise<T> {
    let release: (() => void) | undefined;
    const previous = idle;
    idle = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await inside.run({ savepoints: 0 }, work);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      release?.();
    }
  }

  async function savepoint<T>(open: { savepoints: number }, work: () => Promise<T>): Promise<T> {
    open.savepoints += 1;
    const name = `a${open.savepoints}`;
    db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw error;
    }
  }

  const wrapped = Object.fromEntries(
    (Object.keys(ledger) as (keyof Ledger)[])
      .filter((name) => name !== 'atomically')
      .map((name) => {
        const method = ledger[name] as (...args: unknown[]) => unknown;
        return [name, (...args: unknown[]) => call(() => method(...args))];
      }),
  ) as Omit<AsyncLedger, 'atomically'>;

  return {
    ...wrapped,
    atomically<T>(work: () => Promise<T>): Promise<T> {
      const open = inside.getStore();
      return open === undefined ? transaction(work) : savepoint(open, work);
    },
  };
}
