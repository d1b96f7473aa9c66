import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PAGE_CACHE_KIB,
  WAL_CHECKPOINT_PAGES,
  WAL_SIZE_LIMIT_BYTES,
  ledgerPath,
  openDatabase,
} from './open-database';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it.each(['file', 'memory'])(
    'opens a %s ledger with full syncs, a page cache of PAGE_CACHE_KIB (not the driver’s 16 MB) and a checkpoint every WAL_CHECKPOINT_PAGES',
    (kind) => {
      const dir = kind === 'file' ? mkdtempSync(join(tmpdir(), 'ledger-open-')) : ':memory:';
      if (kind === 'file') dirs.push(dir);
      const db = openDatabase(dir);
      try {
        expect(db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
        expect(PAGE_CACHE_KIB).toBeLessThan(16_000);
        expect(db.pragma('synchronous', { simple: true })).toBe(2);
        expect(db.pragma('journal_mode', { simple: true })).toBe(kind === 'file' ? 'wal' : 'memory');
        expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_CHECKPOINT_PAGES);
        expect(db.pragma('journal_size_limit', { simple: true })).toBe(WAL_SIZE_LIMIT_BYTES);
      } finally {
        db.close();
      }
    },
  );

  it('creates the data folder 0700 and the ledger with its -wal and -shm 0600, even where the umask would let others read them', () => {
    const parent = mkdtempSync(join(tmpdir(), 'ledger-open-'));
    dirs.push(parent);
    const dataDir = join(parent, 'data');
    const umask = process.umask(0o022);
    try {
      const db = openDatabase(dataDir);
      try {
        db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
        const mode = (path: string) => statSync(path).mode & 0o777;
        expect(mode(dataDir)).toBe(0o700);
        for (const suffix of ['', '-wal', '-shm'])
          expect(mode(`${ledgerPath(dataDir)}${suffix}`)).toBe(0o600);
      } finally {
        db.close();
      }
    } finally {
      process.umask(umask);
    }
  });
});
