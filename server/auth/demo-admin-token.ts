/**
 * Demo mode's admin token: generated once and kept in `${DATA_DIR}/admin-token` (readable by this user only), so a
 * restart does not sign the operator out of the console nor invalidate the token they copied from the banner.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strongEnough } from '../config';
import { PRIVATE_FILE_MODE, makePrivateDir } from '../ledger/private-files';
import { newKioskToken } from './tokens';

export const DEMO_ADMIN_TOKEN_FILE = 'admin-token';

function readExisting(path: string): string | null {
  try {
    const kept = readFileSync(path, 'utf8').trim();
    // A file cut short or edited by hand is replaced rather than trusted with a weak token.
    return strongEnough(kept) ? kept : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export function demoAdminToken(dataDir: string): string {
  if (dataDir === ':memory:') return newKioskToken();
  const path = join(dataDir, DEMO_ADMIN_TOKEN_FILE);
  const existing = readExisting(path);
  if (existing !== null) return existing;
  makePrivateDir(dataDir);
  const token = newKioskToken();
  writeFileSync(path, `${token}\n`, { mode: PRIVATE_FILE_MODE });
  return token;
}
