/**
 * The PostgreSQL ledger: the same tables as SQLite's (schema in `schema.ts`), shared by every instance that points
 * `DATABASE_URL` at the database. Every write is one transaction, committed when its promise resolves.
 */
import type { AsyncLedger } from '../async-ledger';
import { isConnectionFailure } from './connection-failure';
import { createConnection } from './connection';
import { createKioskStore } from './kiosk-store';
import { createLeaseStore } from './lease-store';
import { migratePostgres } from './migrate';
import { openPostgresPool } from './open-pool';
import { createPunchStore } from './punch-store';
import { listenToLedger } from './ledger-notices';
import { createRecordsStore } from './records-store';
import { createReplayStore } from './replay-store';
import { createRetentionStore } from './retention-store';
import { createSessionStore } from './session-store';

/** How often a starting instance tries again while its database cannot be reached. */
export const START_RETRY_MS = 2_000;

export interface OpenPostgresOptions {
  /** Told of each failed attempt while the database is out of reach (the instance keeps trying). */
  onUnreachable?: (error: unknown, retryInMs: number) => void;
}

/**
 * Connects to `url`, brings the schema up to date (safely while other instances start too) and answers the ledger.
 * A database out of reach (still starting, restarting, the network between) is waited for, as a running instance
 * waits for it: an instance started beside its database comes up once the database does, without a supervisor's
 * restart loop. A database that refuses (wrong password, no such database, a newer schema) fails at once.
 */
export async function openPostgresLedger(
  url: string,
  options: OpenPostgresOptions = {},
): Promise<AsyncLedger> {
  const pool = openPostgresPool(url);
  for (;;) {
    try {
      await migratePostgres(pool);
      break;
    } catch (error) {
      if (!isConnectionFailure(error)) {
        await pool.end();
        throw error;
      }
      options.onUnreachable?.(error, START_RETRY_MS);
      await new Promise((resolve) => setTimeout(resolve, START_RETRY_MS));
    }
  }
  const db = createConnection(pool);
  const notices = listenToLedger(url, (channel, payload) =>
    db.query('SELECT pg_notify($1, $2)', [channel, payload]),
  );
  return {
    ...createPunchStore(db),
    ...createReplayStore(db),
    punchesAheadVersion: async () => notices.version('punches_ahead'),
    kenjoPauseVersion: async () => notices.version('kenjo_pause'),
    ...createKioskStore(db),
    ...createRecordsStore(db),
    ...createLeaseStore(db),
    ...createRetentionStore(db),
    ...createSessionStore(db),
    async close() {
      await notices.close();
      await pool.end();
    },
  };
}
