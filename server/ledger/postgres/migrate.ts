import type pg from 'pg';
import { LedgerVersionError } from '../migrations';
import { POSTGRES_MIGRATIONS } from './schema';

/**
 * A fixed key for PostgreSQL's session advisory lock: instances starting at the same moment take turns, so each step
 * runs once and the others find it applied. The number is arbitrary; it only has to differ from other locks the
 * ledger takes.
 */
export const MIGRATION_LOCK_KEY = 7_310_001;

/**
 * Brings the database to the latest schema; returns how many steps this call applied (0 when already current, as
 * for every instance but the first when several start together). Each step commits together with its version.
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly string[] = POSTGRES_MIGRATIONS,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS ledger_schema (
        only_row INTEGER PRIMARY KEY CHECK (only_row = 1), version INTEGER NOT NULL)`);
      const found = await client.query<{ version: number }>('SELECT version FROM ledger_schema');
      const current = found.rows[0]?.version ?? 0;
      if (current > migrations.length) {
        throw new LedgerVersionError(
          `The ledger has schema version ${current}, newer than this program knows (${migrations.length}); upgrade the program.`,
        );
      }
      for (let version = current; version < migrations.length; version += 1) {
        await client.query('BEGIN');
        try {
          await client.query(migrations[version] ?? '');
          await client.query(
            `INSERT INTO ledger_schema (only_row, version) VALUES (1, $1)
             ON CONFLICT (only_row) DO UPDATE SET version = excluded.version`,
            [version + 1],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
      return migrations.length - current;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
