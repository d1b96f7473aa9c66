/**
 * A consistent copy of the SQLite ledger while the server runs, through SQLite's online backup (better-sqlite3's
 * `backup()`): the copy is one snapshot of committed transactions, taken page by page between the server's writes.
 * It is written beside its destination first and renamed once checked, so a file with the final name is always a
 * complete, intact ledger, readable by this user alone (0600; a folder it creates is 0700).
 */
import { renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, ledgerPath } from '../ledger/open-database';
import { createPrivateFile, makePrivateDir } from '../ledger/private-files';

export interface BackupResult {
  path: string;
  punches: number;
  bytes: number;
}

/** `ledger-2026-02-04T070000Z.sqlite` in `${dataDir}/backups`. */
export function defaultBackupPath(dataDir: string, nowMs: number): string {
  const stamp = new Date(nowMs)
    .toISOString()
    .replace(/[:]/g, '')
    .replace(/\.\d{3}/, '');
  return join(dataDir, 'backups', `ledger-${stamp}.sqlite`);
}

export class BackupError extends Error {}

/**
 * Checks the copy and makes it one self-contained file: the source's WAL mode travels with the pages, and a copy in
 * rollback mode needs no `-wal` or `-shm` file beside it to be restored.
 */
function checkedCopy(path: string): { punches: number; pageSize: number } {
  const copy = new Database(path);
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`the copy failed SQLite's integrity check: ${String(check)}`);
    const row = copy.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM punches').get();
    return { punches: row?.n ?? 0, pageSize: copy.pragma('page_size', { simple: true }) as number };
  } finally {
    copy.close();
  }
}

export async function backupLedger(dataDir: string, destination: string): Promise<BackupResult> {
  // Not read-only: a read-only connection cannot open a WAL ledger whose shared-memory file is absent (server stopped).
  const source = new Database(ledgerPath(dataDir), { fileMustExist: true });
  source.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const partial = `${destination}.partial`;
  makePrivateDir(dirname(destination));
  try {
    // The copy holds everyone's punches: 0600 from its first byte (SQLite would create it 0644 less the umask).
    rmSync(partial, { force: true });
    createPrivateFile(partial);
    const { totalPages } = await source.backup(partial);
    const { punches, pageSize } = checkedCopy(partial);
    renameSync(partial, destination);
    return { path: destination, punches, bytes: totalPages * pageSize };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }
}
