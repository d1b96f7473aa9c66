/**
 * Files that hold people's punches (the ledger, its `-wal`/`-shm`, backups) are for the server's user alone. SQLite
 * creates a database file as 0644 (less the umask) and gives its `-wal`, `-shm` and journal the database file's mode,
 * so creating the database file 0600 before SQLite opens it makes all of them private.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates `path` (and its missing parents) for this user alone; an existing folder keeps the mode it has. */
export function makePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Creates `path` empty and 0600 if it is missing; an existing file keeps its content and mode. */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
}
