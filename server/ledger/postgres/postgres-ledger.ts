/**
 * The PostgreSQL ledger: the same tables as SQLite's (schema in `schema.ts`), shared by every instance that points
 * `DATABASE_URL` at the database. Every write is one transaction, committed when its promise resolves.
 */
import type { AsyncLedger } from '../async-ledger';
import { createConnection } from './connection';
import { createKioskStore } from './kiosk-store';
import { createLeaseStore } from './lease-store';
import { migratePostgres } from './migrate';
import { openPostgresPool } from './open-pool';
import { createPunchStore } from './punch-store';
import { createRecordsStore } from './records-store';
import { createReplayStore } from './replay-store';
import { createRetentionStore } from './retention-store';
import { createSessionStore } from './session-store';

/** Connects to `url`, brings the schema up to date (safely while other instances start too) and answers the ledger. */
export async function openPostgresLedger(url: string): Promise<AsyncLedger> {
  const pool = openPostgresPool(url);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = createConnection(pool);
  return {
    ...createPunchStore(db),
    ...createReplayStore(db),
    ...createKioskStore(db),
    ...createRecordsStore(db),
    ...createLeaseStore(db),
    ...createRetentionStore(db),
    ...createSessionStore(db),
    close: () => pool.end(),
  };
}
