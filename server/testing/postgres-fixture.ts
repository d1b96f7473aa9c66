/**
 * PostgreSQL for one test file: `describePostgres` runs its tests against the run's throwaway server (see
 * `postgres-global-setup.ts`), skips them with a sentence saying how to enable them when the machine has no
 * PostgreSQL, and fails them instead when `CI=true` (CI must not pass by skipping). `createTestDatabase` gives each
 * file, or each test, an empty database of its own on that server.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject, it } from 'vitest';
import { POSTGRES_HOW_TO_ENABLE } from './throwaway-postgres';

export function postgresServerUrl(): string | null {
  return inject('postgresUrl');
}

export function describePostgres(name: string, body: (serverUrl: string) => void): void {
  const serverUrl = postgresServerUrl();
  if (serverUrl) {
    describe(name, () => body(serverUrl));
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs PostgreSQL', () => {
        throw new Error(`PostgreSQL is required when CI=true but none was found: ${POSTGRES_HOW_TO_ENABLE}.`);
      });
    });
  } else {
    describe.skip(`${name} (skipped: no PostgreSQL on this machine; to run it, ${POSTGRES_HOW_TO_ENABLE})`, () => {
      body('postgres://unavailable');
    });
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the run's server; `drop()` ends its sessions and removes it. */
export async function createTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
