import type pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { createTestDatabase, describePostgres, type TestDatabase } from '../../testing/postgres-fixture';
import { LedgerVersionError } from '../migrations';
import { migratePostgres } from './migrate';
import { openPostgresPool } from './open-pool';
import { POSTGRES_MIGRATIONS } from './schema';

describePostgres('migratePostgres', (serverUrl) => {
  const opened: pg.Pool[] = [];
  const databases: TestDatabase[] = [];
  async function freshPools(count: number): Promise<pg.Pool[]> {
    const database = await createTestDatabase(serverUrl);
    databases.push(database);
    const pools = Array.from({ length: count }, () => openPostgresPool(database.url, 2));
    opened.push(...pools);
    return pools;
  }
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((pool) => pool.end()));
    await Promise.all(databases.splice(0).map((database) => database.drop()));
  });

  it('brings an empty database to the latest version, and running again changes nothing', async () => {
    const [pool] = await freshPools(1);
    if (!pool) throw new Error('no pool');
    expect(await migratePostgres(pool)).toBe(POSTGRES_MIGRATIONS.length);
    expect(await migratePostgres(pool)).toBe(0);
    const { rows } = await pool.query('SELECT version FROM ledger_schema');
    expect(rows).toEqual([{ version: POSTGRES_MIGRATIONS.length }]);
  });

  it('applies each step once when several instances start at the same moment', async () => {
    const pools = await freshPools(6);
    const steps = ['CREATE TABLE a (x int)', 'CREATE TABLE b (x int)', 'INSERT INTO a VALUES (1)'];
    const applied = await Promise.all(pools.map((pool) => migratePostgres(pool, steps)));
    expect(applied.reduce((sum, n) => sum + n, 0)).toBe(steps.length);
    expect(applied.filter((n) => n === steps.length)).toHaveLength(1);
    const first = pools[0] as pg.Pool;
    expect((await first.query('SELECT x FROM a')).rows).toEqual([{ x: 1 }]);
  });

  it('applies only the new steps of a longer list', async () => {
    const [pool] = await freshPools(1);
    if (!pool) throw new Error('no pool');
    await migratePostgres(pool, ['CREATE TABLE a (x int)']);
    expect(await migratePostgres(pool, ['CREATE TABLE a (x int)', 'ALTER TABLE a ADD COLUMN y int'])).toBe(1);
    expect((await pool.query('SELECT version FROM ledger_schema')).rows).toEqual([{ version: 2 }]);
  });

  it('leaves a failing step undone with the version before it, and refuses a newer schema', async () => {
    const [pool] = await freshPools(1);
    if (!pool) throw new Error('no pool');
    await expect(
      migratePostgres(pool, ['CREATE TABLE a (x int)', 'CREATE TABLE b (x int); SELEC']),
    ).rejects.toThrow();
    expect((await pool.query('SELECT version FROM ledger_schema')).rows).toEqual([{ version: 1 }]);
    expect((await pool.query(`SELECT to_regclass('b') AS b`)).rows).toEqual([{ b: null }]);
    await expect(migratePostgres(pool, [])).rejects.toThrow(LedgerVersionError);
  });
});
