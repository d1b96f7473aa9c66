import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_CACHE_KIB, openDatabase } from './open-database';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it.each(['file', 'memory'])(
    'opens a %s ledger with full syncs and a page cache of PAGE_CACHE_KIB, not the driver’s 16 MB',
    (kind) => {
      const dir = kind === 'file' ? mkdtempSync(join(tmpdir(), 'ledger-open-')) : ':memory:';
      if (kind === 'file') dirs.push(dir);
      const db = openDatabase(dir);
      try {
        expect(db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
        expect(PAGE_CACHE_KIB).toBeLessThan(16_000);
        expect(db.pragma('synchronous', { simple: true })).toBe(2);
        expect(db.pragma('journal_mode', { simple: true })).toBe(kind === 'file' ? 'wal' : 'memory');
      } finally {
        db.close();
      }
    },
  );
});
