import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerVersionError, MIGRATIONS, migrate } from './migrations';
import { openDatabase } from './open-database';
import { toLedgerPunch, type PunchRow } from './punch-row';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-migrations-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function schemaOf(db: ReturnType<typeof openDatabase>): unknown[] {
  return db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
}

describe('migrate', () => {
  it('brings an empty database to the latest version, and re-opening changes nothing', () => {
    const dir = tempDir();
    const first = openDatabase(dir);
    expect(first.pragma('user_version', { simple: true })).toBe(0);
    expect(migrate(first)).toBe(MIGRATIONS.length);
    expect(first.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const schema = schemaOf(first);
    first.close();

    const again = openDatabase(dir);
    expect(migrate(again)).toBe(0);
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(schemaOf(again)).toEqual(schema);
    again.close();
  });

  it('keeps the sentence of a punch stored before reasons had codes, with no code', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS.slice(0, 2));
    db.prepare(
      `INSERT INTO punches (kiosk_id, id, employee_kind, employee_value, at, at_ms, time_zone, kenjo_date_time,
                            status, reason, received_at_ms)
       VALUES ('k', 'p', 'externalId', 'B-1', '', 0, 'UTC', '', 'rejected', 'unknown employee: badge B-1', 0)`,
    ).run();
    migrate(db);
    const row = db.prepare('SELECT * FROM punches').get() as PunchRow;
    expect(toLedgerPunch(row)).toMatchObject({ reason: 'unknown employee: badge B-1', reasonCode: null });
  });

  it('applies only the steps not yet applied, each with its version', () => {
    const db = openDatabase(':memory:');
    const steps = ['CREATE TABLE a (x)', 'CREATE TABLE b (y)'];
    expect(migrate(db, steps.slice(0, 1))).toBe(1);
    expect(migrate(db, steps)).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('a', 'b')").get()).toEqual({
      n: 2,
    });
  });

  it('rolls back a failing step whole, leaving the version where it was', () => {
    const db = openDatabase(':memory:');
    expect(() => migrate(db, ['CREATE TABLE a (x)', 'CREATE TABLE b (y); CREATE TABLE a (z)'])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
  });

  it('refuses a database written by a newer program', () => {
    const db = openDatabase(':memory:');
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(LedgerVersionError);
  });
});

describe('openDatabase', () => {
  it('creates the folder and opens the file with WAL, FULL sync and foreign keys', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const db = openDatabase(dir);
    expect(db.name).toBe(join(dir, 'ledger.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    db.close();
  });
});
