/**
 * The news of punches put ahead of a chain head: which commits the ledger's triggers announce (a raw listener checks
 * each one, between sentinel notifications that mark what came before and after it), and how an instance's
 * `punchesAheadVersion` follows them, also across a restart of the database.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AsyncLedger } from '../async-ledger';
import { newPunch, storePunch } from '../../testing/ledger-factories';
import { createTestDatabase, describePostgres, type TestDatabase } from '../../testing/postgres-fixture';
import { findPostgresBin, startThrowawayPostgres } from '../../testing/throwaway-postgres';
import { openPostgresLedger } from './postgres-ledger';

/** Polls `ready` every few milliseconds for up to 10 s; false when it never held. */
async function eventually(ready: () => boolean | Promise<boolean>): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 10) {
    if (await ready()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

describePostgres('news of punches put ahead of a chain head', (serverUrl) => {
  let database: TestDatabase;
  let ledger: AsyncLedger;
  let listener: pg.Client;
  const heard: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(serverUrl);
    ledger = await openPostgresLedger(database.url);
    listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    listener.on('notification', (message) => heard.push(message.payload ?? ''));
    await listener.query('LISTEN punches_ahead');
  });
  afterAll(async () => {
    await listener.end();
    await ledger.close();
    await database.drop();
  });

  let sentinels = 0;
  /** Waits until everything committed so far has been heard: notifications arrive in the order of their commits. */
  async function heardAllSoFar(): Promise<void> {
    sentinels += 1;
    const sentinel = `sentinel-${sentinels}`;
    await listener.query('SELECT pg_notify($1, $2)', ['punches_ahead', sentinel]);
    expect(await eventually(() => heard.includes(sentinel))).toBe(true);
  }

  /** Whether the commits of `work` announced anything. */
  async function announces(work: () => Promise<unknown>): Promise<boolean> {
    await heardAllSoFar();
    heard.length = 0;
    await work();
    await heardAllSoFar();
    return heard.some((payload) => payload === '');
  }

  it('announces a new punch', async () => {
    expect(await announces(() => storePunch(ledger, 'new-1'))).toBe(true);
  });

  it('announces a punch queued again from a settled state (an operator, a double scan judged again)', async () => {
    const punch = await storePunch(ledger, 'failed-1', { status: 'failed' });
    expect(
      await announces(() => ledger.transition(punch.kioskId, punch.id, { from: ['failed'], to: 'queued' })),
    ).toBe(true);
  });

  it('announces a punch given its employee', async () => {
    const punch = await storePunch(ledger, 'unresolved-1', { employeeKey: null });
    expect(
      await announces(() =>
        ledger.transition(punch.kioskId, punch.id, { from: ['queued'], to: 'queued', employeeKey: 'u-9' }),
      ),
    ).toBe(true);
  });

  it("is silent about the replay's own steps: claimed, sent, retried later, read back", async () => {
    const punch = await storePunch(ledger, 'replayed-1');
    const step = (from: 'queued' | 'sending', to: 'queued' | 'sending' | 'sent') => () =>
      ledger.transition(punch.kioskId, punch.id, { from: [from], to });
    expect(await announces(step('queued', 'sending'))).toBe(false);
    expect(await announces(step('sending', 'queued'))).toBe(false);
    expect(await announces(step('queued', 'sending'))).toBe(false);
    expect(await announces(step('sending', 'sending'))).toBe(false);
    expect(await announces(step('sending', 'sent'))).toBe(false);
  });

  it("changes an instance's reading when another instance stores a punch", async () => {
    const other = await openPostgresLedger(database.url);
    try {
      expect(await eventually(async () => (await ledger.punchesAheadVersion()) !== null)).toBe(true);
      const before = await ledger.punchesAheadVersion();
      await other.insertKioskBatch({ kioskId: 'kiosk-1', clockErrorMs: 0, lastSeenAtMs: 0 }, [
        newPunch({ id: 'from-other-1' }),
      ]);
      expect(await eventually(async () => (await ledger.punchesAheadVersion()) !== before)).toBe(true);
    } finally {
      await other.close();
    }
  });
});

/** A server of its own: stopping the run's shared one would fail every other file's tests. */
describePostgres('news of punches put ahead while the database restarts', () => {
  it('reads null while it cannot listen, then listens again by itself with a new reading', async () => {
    const server = await startThrowawayPostgres(findPostgresBin() ?? '');
    const ledger = await openPostgresLedger(server.url);
    try {
      expect(await eventually(async () => (await ledger.punchesAheadVersion()) !== null)).toBe(true);
      const before = await ledger.punchesAheadVersion();
      await server.pause();
      expect(await eventually(async () => (await ledger.punchesAheadVersion()) === null)).toBe(true);
      await server.resume();
      expect(await eventually(async () => (await ledger.punchesAheadVersion()) !== null)).toBe(true);
      expect(await ledger.punchesAheadVersion()).not.toBe(before);
    } finally {
      await ledger.close();
      await server.stop();
    }
  });
});
