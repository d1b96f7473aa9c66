import type { AsyncLedger } from './async-ledger';
import { lockDataDir } from './data-dir-lock';
import { openDatabase } from './open-database';
import type { OpenPostgresOptions } from './postgres/postgres-ledger';
import { asyncSqliteLedger } from './sqlite-async-ledger';

/**
 * The ledger the configuration names: PostgreSQL at `databaseUrl`, shared with every instance pointed at it, or else
 * SQLite in `${dataDir}/ledger.sqlite`, this instance's alone: a second process started on the same folder is refused.
 */
export async function openLedger(
  where: { dataDir: string; databaseUrl?: string | undefined },
  postgres: OpenPostgresOptions = {},
): Promise<AsyncLedger> {
  if (where.databaseUrl !== undefined) {
    // Loaded only when named: a server keeping its ledger in SQLite does not hold the PostgreSQL driver in memory.
    const { openPostgresLedger } = await import('./postgres/postgres-ledger');
    return openPostgresLedger(where.databaseUrl, postgres);
  }
  if (where.dataDir === ':memory:') return asyncSqliteLedger(openDatabase(where.dataDir));
  const db = openDatabase(where.dataDir);
  let unlock: () => void;
  try {
    unlock = lockDataDir(where.dataDir);
  } catch (error) {
    db.close();
    throw error;
  }
  const ledger = asyncSqliteLedger(db);
  return {
    ...ledger,
    async close() {
      await ledger.close();
      unlock();
    },
  };
}
