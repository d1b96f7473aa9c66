/**
 * Two replays (two instances) on one PostgreSQL ledger and one Kenjo: each employee's punches go out from one of
 * them at a time, in order, exactly once; an employee of an instance that died mid-call is taken over once its claim
 * lapses, and the punch it left `sending` is read back before anything else of that employee.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { NewPunch } from '../ledger/ledger';
import { openPostgresLedger } from '../ledger/postgres/postgres-ledger';
import { createFakeKenjo, type FakeKenjo } from '../testing/fake-kenjo';
import { badgeDirectory, memoryLogger, punchAt } from '../testing/harness';
import { insertPunches } from '../testing/ledger-factories';
import { createTestDatabase, describePostgres, type TestDatabase } from '../testing/postgres-fixture';
import { LEASE_TTL_MS } from './employee-leases';
import { createReplay, type Replay } from './replay';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function replayOn(ledger: AsyncLedger, kenjo: FakeKenjo): Replay {
  return createReplay({
    ledger,
    kenjo,
    directory: badgeDirectory({}),
    now: Date.now,
    maxShiftHours: 16,
    logger: memoryLogger(),
    concurrency: 4,
    backoff: { baseMs: 5, maxMs: 20 },
    readBackDelayMs: 5,
    tickMs: 20,
  });
}

async function drained(ledger: AsyncLedger, withinMs: number): Promise<number> {
  const startedMs = Date.now();
  while ((await ledger.backlog(Date.now())).waiting > 0) {
    if (Date.now() - startedMs > withinMs) throw new Error('the replays did not drain');
    await sleep(20);
  }
  return Date.now() - startedMs;
}

const calledAs = (kenjo: FakeKenjo) =>
  kenjo.calls.map((c) => `${'userId' in c.employee ? c.employee.userId : '?'} ${c.dateTime.slice(11, 16)}`);

describePostgres('replays of several instances on one PostgreSQL ledger', (serverUrl) => {
  // A database per test: the read-back takes other employees' sent punches as evidence of how Kenjo writes times.
  let database: TestDatabase;
  let ledgers: [AsyncLedger, AsyncLedger];
  let replays: Replay[] = [];
  beforeEach(async () => {
    database = await createTestDatabase(serverUrl);
    ledgers = [await openPostgresLedger(database.url), await openPostgresLedger(database.url)];
  });
  afterEach(async () => {
    for (const replay of replays) await replay.stop();
    replays = [];
    for (const ledger of ledgers) await ledger.close();
    await database.drop();
  });

  it('sends every punch once, in order per employee, with both instances at work', async () => {
    // One Kenjo, so that both instances' calls land in one log; its latency keeps calls under way as they overlap.
    const kenjo = createFakeKenjo({ latencyMs: 3 });
    const punches: NewPunch[] = [];
    for (let e = 0; e < 12; e += 1) {
      for (let h = 6; h < 14; h += 1) {
        const at = `2026-02-04T${String(h).padStart(2, '0')}:00:00+01:00`;
        punches.push(punchAt(at, { employeeKey: `e${e}`, employee: { userId: `e${e}` } }));
      }
    }
    await insertPunches(ledgers[0], punches);
    const counted = ledgers.map((ledger) => {
      let calls = 0;
      return {
        ledger: { ...ledger, transition: countCalls(ledger, () => (calls += 1)) },
        calls: () => calls,
      };
    });
    replays = counted.map(({ ledger }) => replayOn(ledger, kenjo));
    for (const replay of replays) replay.start();
    await drained(ledgers[0], 30_000);

    const expected = punches.map((p) => `${p.employeeKey ?? '?'} ${p.kenjoDateTime.slice(11, 16)}`);
    expect(calledAs(kenjo).sort()).toEqual([...expected].sort());
    for (let e = 0; e < 12; e += 1) {
      const mine = calledAs(kenjo).filter((call) => call.startsWith(`e${e} `));
      expect(mine).toEqual(expected.filter((call) => call.startsWith(`e${e} `)));
    }
    expect(kenjo.readBacks).toEqual([]);
    for (const { calls } of counted) expect(calls()).toBeGreaterThan(0);
  });

  it("takes over a dead instance's employee when its claim lapses, reading back its call in doubt first", async () => {
    const kenjo = createFakeKenjo();
    const [landed, after] = [
      punchAt('2026-02-04T08:00:00+01:00', { employeeKey: 'u7', employee: { userId: 'u7' } }),
      punchAt('2026-02-04T12:00:00+01:00', { employeeKey: 'u7', employee: { userId: 'u7' } }),
    ];
    const evidence = punchAt('2026-02-04T07:31:07+01:00', { employeeKey: 'u9', employee: { userId: 'u9' } });
    await insertPunches(ledgers[0], [landed, after, evidence]);
    await ledgers[0].transition(evidence.kioskId, evidence.id, {
      from: ['queued'],
      to: 'sent',
      deliveredAtMs: 0,
    });
    kenjo.stored.push({ userId: 'u9', dateTime: evidence.kenjoDateTime, isOvernightShift: false });
    // The dead instance held u7 and had called Kenjo for 08:00, which landed; then it stopped renewing.
    expect(await ledgers[0].claimEmployees('dead-instance', ['u7'], LEASE_TTL_MS)).toEqual(new Set(['u7']));
    const diedAtMs = Date.now();
    await ledgers[0].transition(landed.kioskId, landed.id, {
      from: ['queued'],
      to: 'sending',
      incrementAttempts: true,
    });
    kenjo.stored.push({ userId: 'u7', dateTime: landed.kenjoDateTime, isOvernightShift: false });

    replays = [replayOn(ledgers[1], kenjo)];
    replays[0]?.start();
    await sleep(LEASE_TTL_MS / 2);
    expect(kenjo.readBacks).toEqual([]);
    expect(kenjo.calls).toEqual([]);
    const handedOverMs = (await drained(ledgers[1], 15_000)) + LEASE_TTL_MS / 2;

    expect(kenjo.readBacks).toEqual(['2026-02-02..2026-02-05']);
    expect(calledAs(kenjo)).toEqual(['u7 12:00']);
    expect((await ledgers[1].getPunch(landed.kioskId, landed.id))?.status).toBe('sent');
    expect(Date.now() - diedAtMs).toBeGreaterThanOrEqual(LEASE_TTL_MS);
    expect(handedOverMs).toBeLessThan(LEASE_TTL_MS + 5_000);
  });
});

/** The ledger's `transition`, counting its calls: which instance changed punches. */
function countCalls(ledger: AsyncLedger, count: () => void): AsyncLedger['transition'] {
  return (...args) => {
    count();
    return ledger.transition(...args);
  };
}
