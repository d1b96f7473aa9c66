import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describePostgres, type TestDatabase } from '../../testing/postgres-fixture';
import { createConnection, TransactionAbortedError, type Connection } from './connection';
import { openPostgresPool } from './open-pool';

describePostgres('the ledger connection', (serverUrl) => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let db: Connection;
  beforeAll(async () => {
    database = await createTestDatabase(serverUrl);
    pool = openPostgresPool(database.url, 2);
    db = createConnection(pool);
    await db.query('CREATE TABLE notes (n INTEGER NOT NULL)');
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });
  beforeEach(async () => {
    await db.query('TRUNCATE notes');
  });

  const notes = async () =>
    (await db.query<{ n: number }>('SELECT n FROM notes ORDER BY n')).map((row) => row.n);
  const note = (n: number) => db.query('INSERT INTO notes (n) VALUES ($1)', [n]);

  it('keeps a transaction’s writes, and undoes only a savepoint whose work threw', async () => {
    await db.transaction(async () => {
      await note(1);
      await expect(
        db.transaction(async () => {
          await note(2);
          throw new Error('undo 2');
        }),
      ).rejects.toThrow('undo 2');
      await db.transaction(() => note(3));
    });
    expect(await notes()).toEqual([1, 3]);
  });

  it('refuses a transaction whose work went on after a failed statement: PostgreSQL kept none of it', async () => {
    const work = db.transaction(async () => {
      await note(1);
      await db.query('SELECT 1 / $1::int', [0]).catch(() => undefined);
      return 'done';
    });
    await expect(work).rejects.toThrow(TransactionAbortedError);
    expect(await notes()).toEqual([]);
  });

  it('pipelines: a query that would hold a portal open across round trips is refused, not answered wrongly', async () => {
    await expect(pool.query({ text: 'SELECT 1', rows: 1 } as pg.QueryConfig)).rejects.toThrow(
      'not supported in pipeline mode',
    );
  });
});
