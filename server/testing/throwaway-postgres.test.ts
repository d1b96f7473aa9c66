import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describePostgres } from './postgres-fixture';
import { findPostgresBin, startThrowawayPostgres } from './throwaway-postgres';

async function query(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe('findPostgresBin', () => {
  it('answers null when POSTGRES_BIN holds no initdb', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-postgres-'));
    try {
      expect(findPostgresBin({ POSTGRES_BIN: empty })).toBeNull();
    } finally {
      rmSync(empty, { recursive: true });
    }
  });
});

describePostgres('the run’s throwaway PostgreSQL', (serverUrl) => {
  it('listens on loopback only, and gives each caller an empty database it can drop', async () => {
    expect(new URL(serverUrl).hostname).toBe('127.0.0.1');
    expect(await query(serverUrl, 'SHOW listen_addresses')).toEqual([{ listen_addresses: '127.0.0.1' }]);
    const database = await createTestDatabase(serverUrl);
    await query(database.url, 'CREATE TABLE t (x int)');
    expect(await query(database.url, 'SELECT count(*)::int AS n FROM t')).toEqual([{ n: 0 }]);
    await database.drop();
    await expect(query(database.url, 'SELECT 1')).rejects.toThrow(/does not exist/);
  });
});

describePostgres('a throwaway PostgreSQL of its own', () => {
  const servers: { stop(): Promise<void> }[] = [];
  afterAll(async () => Promise.all(servers.map((s) => s.stop())));

  it('pauses (refusing connections) and resumes with its data on the same port', async () => {
    const server = await startThrowawayPostgres(findPostgresBin() ?? '');
    servers.push(server);
    await query(server.url, 'CREATE TABLE kept (x int); INSERT INTO kept VALUES (7)');
    await server.pause();
    await expect(query(server.url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    await server.resume();
    expect(await query(server.url, 'SELECT x FROM kept')).toEqual([{ x: 7 }]);
  });
});
