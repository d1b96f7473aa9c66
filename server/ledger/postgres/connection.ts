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

/**
 * Thrown when COMMIT finds its transaction aborted: a statement of it failed and the work went on (PostgreSQL then
 * answers COMMIT with a rollback, not an error). Nothing of the transaction was kept.
 */
export class TransactionAbortedError extends Error {
  constructor() {
    super('the transaction was rolled back: one of its statements failed');
    this.name = 'TransactionAbortedError';
  }
}

/**
 * Sends a control statement (BEGIN, SAVEPOINT) without waiting for its answer: on the pool's pipelined connections it
 * is written at once and the work's first statement follows it, with no round trip of its own in between. Its failure is kept for
 * `settled`, which the caller awaits once the work is done; the work's statements behind a failed one fail too (the
 * transaction is aborted) or, for a failed BEGIN, the connection is gone with it.
 */
function sendAhead(client: pg.PoolClient, text: string): { settled: () => Promise<void> } {
  const answer = client.query(text).then(
    () => null,
    (error: unknown) => ({ error }),
  );
  return {
    async settled() {
      const failed = await answer;
      if (failed !== null) throw failed.error;
    },
  };
}

export function createConnection(pool: pg.Pool): Connection {
  const context = new AsyncLocalStorage<OpenTransaction>();
  const statementName = createStatementNames();

  async function nested<T>(open: OpenTransaction, work: () => Promise<T>): Promise<T> {
    open.savepoints += 1;
    const name = `s${open.savepoints}`;
    const savepoint = sendAhead(open.client, `SAVEPOINT ${name}`);
    try {
      // Not released: the work runs to its end before the caller goes on, so a later savepoint nests inside this one
      // and a rollback to it undoes only the work after it. COMMIT keeps them all; RELEASE would cost a round trip.
      const result = await work();
      await savepoint.settled();
      return result;
    } catch (error) {
      // A connection cut meanwhile cannot roll back: the caller, which may catch and go on, learns it in the ledger's
      // words (the enclosing transaction cannot commit either).
      await open.client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch((lost: unknown) => {
        throw asLedgerError(lost);
      });
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
        const begin = sendAhead(client, 'BEGIN');
        const result = await context.run({ client, savepoints: 0 }, work);
        await begin.settled();
        // COMMIT of an aborted transaction rolls back and says so in its command tag, not with an error.
        const commit = await client.query('COMMIT');
        if (commit.command !== 'COMMIT') throw new TransactionAbortedError();
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
