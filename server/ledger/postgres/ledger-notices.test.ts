/**
 * What the ledger's triggers tell the instances: which commits announce a punch put ahead of a chain head or a new
 * pause of Kenjo's (a raw listener checks each one, between sentinel notifications that mark what came before and
 * after it), and how an instance's readings follow them, also across a restart of the database.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AsyncLedger } from '../async-ledger';
import { newPunch, storePunch } from '../../testing/ledger-factories';
import { createTestDatabase, describePostgres, type TestDatabase } from '../../testing/postgres-fixture';
import { findPostgresBin, startThrowawayPostgres } from '../../testing/throwaway-postgres';
import { listenToLedger } from './ledger-notices';
import { openPostgresLedger } from './postgres-ledger';

/** Polls `ready` every few milliseconds for up to 10 s; false when it never held. */
async function eventually(ready: () => boolean | Promise<boolean>): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 10) {
    if (await ready()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

describePostgres("what the ledger's commits tell every instance", (serverUrl) => {
  let database: TestDatabase;
  let ledger: AsyncLedger;
  let listener: pg.Client;
  const heard: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(serverUrl);
    ledger = await openPostgresLedger(database.url);
    listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    listener.on('notification', ({ channel, payload }) => heard.push(`${channel}:${payload ?? ''}`));
    await listener.query('LISTEN punches_ahead; LISTEN kenjo_pause');
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
    expect(await eventually(() => heard.includes(`punches_ahead:${sentinel}`))).toBe(true);
  }

  /** Whether the commits of `work` announced anything on `channel`. */
  async function announces(
    work: () => Promise<unknown>,
    channel: 'punches_ahead' | 'kenjo_pause' = 'punches_ahead',
  ): Promise<boolean> {
    await heardAllSoFar();
    heard.length = 0;
    await work();
    await heardAllSoFar();
    return heard.includes(`${channel}:`);
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
    expect(await announces(step('sending', 'sent'), 'kenjo_pause')).toBe(false);
  });

  it("announces a pause of Kenjo's written, on its own channel", async () => {
    expect(await announces(() => ledger.extendKenjoPause(Date.UTC(2026, 1, 4, 9)), 'kenjo_pause')).toBe(true);
    expect(await announces(() => ledger.extendKenjoPause(Date.UTC(2026, 1, 4, 10)), 'kenjo_pause')).toBe(
      true,
    );
    expect(await announces(() => ledger.extendKenjoPause(Date.UTC(2026, 1, 4, 11)))).toBe(false);
  });

  it('reads null while no probe came back, as behind a pooler that never delivers notices', async () => {
    const probes: string[] = [];
    const deaf = listenToLedger(database.url, (_channel, payload) => Promise.resolve(probes.push(payload)));
    try {
      expect(await eventually(() => probes.length > 0)).toBe(true);
      await storePunch(ledger, 'unheard-1');
      await heardAllSoFar();
      expect(deaf.version('punches_ahead')).toBeNull();
      expect(deaf.version('kenjo_pause')).toBeNull();
    } finally {
      await deaf.close();
    }
  });

  it("changes an instance's readings when another instance stores a punch or writes a pause", async () => {
    const other = await openPostgresLedger(database.url);
    try {
      expect(await eventually(async () => (await ledger.punchesAheadVersion()) !== null)).toBe(true);
      const ahead = await ledger.punchesAheadVersion();
      const pause = await ledger.kenjoPauseVersion();
      await other.insertKioskBatch({ kioskId: 'kiosk-1', clockErrorMs: 0, lastSeenAtMs: 0 }, [
        newPunch({ id: 'from-other-1' }),
      ]);
      expect(await eventually(async () => (await ledger.punchesAheadVersion()) !== ahead)).toBe(true);
      expect(await ledger.kenjoPauseVersion()).toBe(pause);
      await other.extendKenjoPause(Date.UTC(2026, 1, 5));
      expect(await eventually(async () => (await ledger.kenjoPauseVersion()) !== pause)).toBe(true);
    } finally {
      await other.close();
    }
  });
});

/** A server of its own: stopping the run's shared one would fail every other file's tests. */
describePostgres("the ledger's notices while the database restarts", () => {
  it('reads null while it cannot listen, then listens again by itself with a new reading', async () => {
    const server = await startThrowawayPostgres(findPostgresBin() ?? '');
    const ledger = await openPostgresLedger(server.url);
    try {
      expect(await eventually(async () => (await ledger.punchesAheadVersion()) !== null)).toBe(true);
      const before = [await ledger.punchesAheadVersion(), await ledger.kenjoPauseVersion()];
      await server.pause();
      expect(await eventually(async () => (await ledger.punchesAheadVersion()) === null)).toBe(true);
      expect(await ledger.kenjoPauseVersion()).toBeNull();
      await server.resume();
      expect(await eventually(async () => (await ledger.punchesAheadVersion()) !== null)).toBe(true);
      const after = [await ledger.punchesAheadVersion(), await ledger.kenjoPauseVersion()];
      expect(after[0]).not.toBe(before[0]);
      expect(after[1]).not.toBe(before[1]);
    } finally {
      await ledger.close();
      await server.stop();
    }
  });
});
