import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile, makePrivateDir } from './private-files';

export const LEDGER_FILE_NAME = 'ledger.sqlite';
export const BUSY_TIMEOUT_MS = 5_000;
/**
 * SQLite's page cache, in KiB (a negative `cache_size`). better-sqlite3 builds SQLite with 16 MB, which a replay over a
 * large ledger fills within seconds and keeps. Measured by CPU time: 8 MB costs about 10% more than 16 MB on a bulk
 * insert of 100,000 punches and nothing measurable on the replay; SQLite's own 2 MB costs 35% more on the insert (each
 * page read again is a system call) and more on the replay.
 */
export const PAGE_CACHE_KIB = 8_000;

/**
 * Pages the WAL gathers before a commit copies them into the ledger file (SQLite's default is 1,000, 4 MB). A batch
 * of punches of many people dirties a leaf of each employee index per person, so a checkpoint every 4 MB wrote the same
 * index pages into the file over and over, inside the commits that kiosks wait on. Measured on 160 commits of 500
 * punches of 500 people: commits took 5.6 s at 1,000 pages, 3.0 s at 10,000 (2.8 s with no checkpoint at all), and the
 * proxy's ingest went from about 9,000 to 11,500 punches/s. Durability is the same: every commit is still synced in
 * the WAL; the cost is up to 40 MB more on disk and a slightly longer recovery after a crash.
 */
export const WAL_CHECKPOINT_PAGES = 10_000;

/** The WAL is cut back to this after a checkpoint, when a long reader (a backup) let it grow beyond. */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/** The ledger file inside the data folder. */
export function ledgerPath(dataDir: string): string {
  return join(dataDir, LEDGER_FILE_NAME);
}

/**
 * Opens (creating it 0600 and its folder 0700 if needed) `${dataDir}/ledger.sqlite`, or a private in-memory database
 * for `':memory:'`. WAL with `synchronous=FULL` makes every committed transaction survive a power cut, not just a crash
 * of the process (`WAL_CHECKPOINT_PAGES` says how often the WAL is folded into the file); `busy_timeout` lets a second
 * connection (a maintenance script) wait instead of failing.
 */
export function openDatabase(dataDir: string): Database.Database {
  let db: Database.Database;
  if (dataDir === ':memory:') {
    db = new Database(':memory:');
  } else {
    makePrivateDir(dataDir);
    createPrivateFile(ledgerPath(dataDir));
    db = new Database(ledgerPath(dataDir));
    db.pragma('journal_mode = WAL');
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  return db;
}
