import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import { asLedgerError } from './connection-failure';
import { createStatementNames } from './statement-names';

/**
 * The ledger's way to its database: a query runs on the transaction's connection when one is open in the calling
 * async context (`transaction` keeps it in AsyncLocalStorage, so the stores need not pass it around), else on any
 * pooled connection. A nested `transaction` becomes a savepoint: when its work throws, only its own writes are undone
 * and the caller may catch and go on, as inside SQLite's ledger. A database that cannot be reached is reported as
 * `LedgerUnavailableError`, whatever the driver's words for it.
 */
export interface Connection {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Whether the calling async context runs inside `transaction`. */
  inTransaction(): boolean;
}

interface OpenTransaction {
  client: pg.PoolClient;
  savepoints: number;
}

export function createConnection(pool: pg.Pool): Connection {
  const context = new AsyncLocalStorage<OpenTransaction>();
  const statementName = createStatementNames();

  async function nested<T>(open: OpenTransaction, work: () => Promise<T>): Promise<T> {
    open.savepoints += 1;
    const name = `s${open.savepoints}`;
    await open.client.query(`SAVEPOINT ${name}`);
    try {
      // Not released: the work runs to its end before the caller goes on, so a later savepoint nests inside this one
      // and a rollback to it undoes only the work after it. COMMIT keeps them all; RELEASE would cost a round trip.
      return await work();
    } catch (error) {
      await open.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  }

  return {
    inTransaction: () => context.getStore() !== undefined,
    async query<R extends pg.QueryResultRow>(text: string, values?: unknown[]) {
      const runner = context.getStore()?.client ?? pool;
      try {
        // Only statements with parameters are named: the others are control statements (BEGIN, SAVEPOINT s3).
        const name = values === undefined ? undefined : statementName(text);
        const config =
          name === undefined ? { text, values: values ?? [] } : { name, text, values: values ?? [] };
        return (await runner.query<R>(config)).rows;
      } catch (error) {
        throw asLedgerError(error);
      }
    },
    async transaction<T>(work: () => Promise<T>): Promise<T> {
      const open = context.getStore();
      if (open) return nested(open, work);
      const client = await pool.connect().catch((error: unknown) => {
        throw asLedgerError(error);
      });
      let broken = false;
      // A connection cut while checked out (the database restarts) emits 'error' on the client; unheard, it would
      // end the process. The query in flight fails on its own; the connection is only marked as not to be reused.
      const cut = () => {
        broken = true;
      };
      client.on('error', cut);
      try {
        await client.query('BEGIN');
        const result = await context.run({ client, savepoints: 0 }, work);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection cut mid-transaction cannot roll back; it is discarded instead of returned to the pool.
        broken =
          broken ||
          (await client.query('ROLLBACK').then(
            () => false,
            () => true,
          ));
        throw asLedgerError(error);
      } finally {
        client.off('error', cut);
        client.release(broken);
      }
    },
  };
}
