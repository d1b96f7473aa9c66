import { resolve, sep } from 'node:path';
import type { Config } from './config';
import { DataDirInUseError } from './ledger/data-dir-lock';

/** Whether one of the two paths is the other or lies inside it. */
function related(a: string, b: string): boolean {
  const [x, y] = [resolve(a), resolve(b)];
  return x === y || x.startsWith(y + sep) || y.startsWith(x + sep);
}

/**
 * The sentence a start that failed on its configuration ends with, naming the variable to fix; null for any other
 * failure (logged in full). Node's errors say which call failed: listening or looking the host up is PORT or HOST,
 * a file call on DATA_DIR (or a folder on its way) is DATA_DIR, e.g. a file of that name or a folder this user may
 * not write.
 */
export function startFailureSentence(
  err: unknown,
  config: Pick<Config, 'HOST' | 'PORT' | 'DATA_DIR'>,
): string | null {
  if (err instanceof DataDirInUseError) return err.message;
  const { code, syscall, path } = (err ?? {}) as { code?: unknown; syscall?: unknown; path?: unknown };
  if (typeof code !== 'string') return null;
  if (syscall === 'listen' || syscall === 'getaddrinfo') {
    return `Cannot listen on ${config.HOST}:${config.PORT} (${code}); choose another PORT or HOST.`;
  }
  if (typeof path === 'string' && related(path, config.DATA_DIR)) {
    return `DATA_DIR cannot hold the ledger: ${path} (${code}); name a folder this user can create and write.`;
  }
  return null;
}
