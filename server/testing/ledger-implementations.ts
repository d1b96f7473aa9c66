/**
 * The ledger's contract tests run against every implementation: SQLite (in memory) always, PostgreSQL when the run
 * has one (see `postgres-fixture.ts`). `open` gives each test an empty ledger of its own.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase } from '../ledger/open-database';
import type { AsyncLedger } from '../ledger/async-ledger';
import { openPostgresLedger } from '../ledger/postgres/postgres-ledger';
import { asyncSqliteLedger } from '../ledger/sqlite-async-ledger';
import { createTestDatabase, describePostgres, type TestDatabase } from './postgres-fixture';

export type OpenLedger = () => Promise<AsyncLedger>;

export function describeLedgers(body: (open: OpenLedger) => void): void {
  describe('SQLite ledger', () => body(async () => asyncSqliteLedger(openDatabase(':memory:'))));
  describePostgres('PostgreSQL ledger', (serverUrl) => {
    // One database per file, emptied before each test: creating a database per test would take most of the run.
    let database: TestDatabase | undefined;
    let shared: AsyncLedger | undefined;
    beforeAll(async () => {
      database = await createTestDatabase(serverUrl);
      shared = await openPostgresLedger(database.url);
    });
    afterAll(async () => {
      await shared?.close();
      await database?.drop();
    });
    body(async () => {
      if (!database || !shared) throw new Error('the PostgreSQL ledger did not open');
      await emptyTables(database.url);
      return { ...shared, close: async () => undefined };
    });
  });
}

async function emptyTables(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'ledger_schema'`,
    );
    await client.query(`TRUNCATE ${rows.map((row) => row.name).join(', ')} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}
