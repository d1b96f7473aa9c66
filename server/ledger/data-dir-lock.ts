import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The file whose lock says which process serves a data folder; it holds no data. */
export const LOCK_FILE_NAME = 'server.lock';

/** Another process already serves this data folder. */
export class DataDirInUseError extends Error {
  constructor(dataDir: string) {
    super(
      `Another server already uses DATA_DIR ${dataDir}. A SQLite ledger is replayed by one process at a time ` +
        '(two would send the same punches); stop the other one, give this one its own DATA_DIR, or set DATABASE_URL ' +
        'to run several instances on one PostgreSQL ledger.',
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * Holds an exclusive lock on `${dataDir}/server.lock` for as long as the server runs; answers the function that gives
 * it up. The lock is SQLite's own (an OS file lock), so the operating system releases it when the process dies, however
 * it dies: no stale lock after a crash or power cut. Scripts that only read the ledger (the online backup) do not take
 * it.
 */
export function lockDataDir(dataDir: string): () => void {
  const lock = new Database(join(dataDir, LOCK_FILE_NAME), { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DataDirInUseError(dataDir);
    throw error;
  }
  return () => lock.close();
}
