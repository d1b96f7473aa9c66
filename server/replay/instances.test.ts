/**
 * Two replays (two instances) on one PostgreSQL ledger and one Kenjo: each employee's punches go out from one of
 * them at a time, in order, exactly once; an employee of an instance that died mid-call is taken over once its claim
 * lapses, and the punch it left `sending` is read back before anything else of that employee.
 */
import { expect, it } from 'vitest';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { NewPunch } from '../ledger/ledger';
import { createFakeKenjo } from '../testing/fake-kenjo';
import { punchAt } from '../testing/harness';
import { insertPunches } from '../testing/ledger-factories';
import { describePostgres } from '../testing/postgres-fixture';
import { calledAs, drained, instancesPerTest, replayOn, sleep } from '../testing/replay-instances';
import { LEASE_TTL_MS } from './employee-leases';

describePostgres('replays of several instances on one PostgreSQL ledger', (serverUrl) => {
  const run = instancesPerTest(serverUrl);

  it('sends every punch once, in order per employee, with both instances at work', async () => {
    const EMPLOYEES = 24;
    // One Kenjo, so that both instances' calls land in one log; its latency keeps calls under way as they overlap.
    const ledgers = run.ledgers();
    const kenjo = createFakeKenjo({ latencyMs: 3 });
    const punches: NewPunch[] = [];
    // More employees than one instance has room for (its calls and the claims it commits ahead of them).
    for (let e = 0; e < EMPLOYEES; e += 1) {
      for (let h = 6; h < 14; h += 1) {
        const at = `2026-02-04T${String(h).padStart(2, '0')}:00:00+01:00`;
        punches.push(punchAt(at, { employeeKey: `e${e}`, employee: { userId: `e${e}` } }));
      }
    }
    await insertPunches(ledgers[0], punches);
    const counted = ledgers.map((ledger) => {
      let calls = 0;
      return {
        ledger: countChanges(ledger, () => (calls += 1)),
        calls: () => calls,
      };
    });
    run.replays.push(...counted.map(({ ledger }) => replayOn(ledger, kenjo)));
    for (const replay of run.replays) replay.start();
    await drained(ledgers[0], 30_000);

    const expected = punches.map((p) => `${p.employeeKey ?? '?'} ${p.kenjoDateTime.slice(11, 16)}`);
    expect(calledAs(kenjo).sort()).toEqual([...expected].sort());
    for (let e = 0; e < EMPLOYEES; e += 1) {
      const mine = calledAs(kenjo).filter((call) => call.startsWith(`e${e} `));
      expect(mine).toEqual(expected.filter((call) => call.startsWith(`e${e} `)));
    }
    expect(kenjo.readBacks).toEqual([]);
    for (const { calls } of counted) expect(calls()).toBeGreaterThan(0);
  });

  it("takes over a dead instance's employee when its claim lapses, reading back its call in doubt first", async () => {
    const ledgers = run.ledgers();
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

    run.replays.push(replayOn(ledgers[1], kenjo, { kenjoTimeoutMs: 100 }));
    run.replays[0]?.start();
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

/** The ledger with its state changes (`transition`, `transitions`) counted: which instance changed punches. */
function countChanges(ledger: AsyncLedger, count: () => void): AsyncLedger {
  return {
    ...ledger,
    transition: (...args) => {
      count();
      return ledger.transition(...args);
    },
    transitions: (...args) => {
      count();
      return ledger.transitions(...args);
    },
  };
}
