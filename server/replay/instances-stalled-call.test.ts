/**
 * An instance whose call to Kenjo is under way and which then loses the database (its claims lapse, its link to
 * Kenjo stays): the instance that takes its employee over must not read back, let alone send again, before that
 * call can have landed. It waits for the longest call after its claim began, then settles the punch once.
 */
import { expect, it } from 'vitest';
import { longestCallMs } from '../kenjo';
import type { AsyncLedger } from '../ledger/async-ledger';
import { createFakeKenjo, seedKnownPunch, type FakeKenjo } from '../testing/fake-kenjo';
import { punchAt } from '../testing/harness';
import { insertPunches } from '../testing/ledger-factories';
import { describePostgres } from '../testing/postgres-fixture';
import { drained, instancesPerTest, replayOn, sleep } from '../testing/replay-instances';

const KENJO_TIMEOUT_MS = 2_000;
/** A's call lands this long after it started: after B's claim, within the longest call Kenjo's timeout allows. */
const STALLED_CALL_MS = 7_000;

describePostgres('a call under way on an instance that lost the database', (serverUrl) => {
  const run = instancesPerTest(serverUrl);

  it('is read back by the instance taking over only after its deadline, and lands once', async () => {
    const [stalled, after, evidence] = [
      punchAt('2026-02-04T08:00:00+01:00', { employeeKey: 'u7', employee: { userId: 'u7' } }),
      punchAt('2026-02-04T12:00:00+01:00', { employeeKey: 'u7', employee: { userId: 'u7' } }),
      punchAt('2026-02-04T07:31:07+01:00', { employeeKey: 'u9', employee: { userId: 'u9' } }),
    ];
    const [ledgerA, ledgerB] = run.ledgers();
    await insertPunches(ledgerA, [stalled, after, evidence]);
    const kenjo = createFakeKenjo();
    await seedKnownPunch(ledgerA, kenjo, evidence);

    // A: once its call has started, its claims can no longer be renewed, and the call lands only late.
    let callStartedAtMs: number | null = null;
    const kenjoA: FakeKenjo = {
      ...kenjo,
      async trackTime(request) {
        callStartedAtMs = Date.now();
        await sleep(STALLED_CALL_MS);
        return kenjo.trackTime(request);
      },
    };
    const cutLedgerA: AsyncLedger = {
      ...ledgerA,
      claimEmployees: (...args) =>
        callStartedAtMs === null
          ? ledgerA.claimEmployees(...args)
          : Promise.reject(new Error('connection lost')),
    };
    // B: when it calls Kenjo, for what.
    const seenByB: Array<{ atMs: number; what: string }> = [];
    const kenjoB: FakeKenjo = {
      ...kenjo,
      trackTime(request) {
        seenByB.push({ atMs: Date.now(), what: `track ${request.dateTime.slice(11, 16)}` });
        return kenjo.trackTime(request);
      },
      listAttendances(from, to) {
        seenByB.push({ atMs: Date.now(), what: 'read-back' });
        return kenjo.listAttendances(from, to);
      },
    };

    run.replays.push(replayOn(cutLedgerA, kenjoA, { kenjoTimeoutMs: KENJO_TIMEOUT_MS }));
    run.replays[0]?.start();
    while (callStartedAtMs === null) await sleep(10);
    const startedAtMs: number = callStartedAtMs;
    run.replays.push(replayOn(ledgerB, kenjoB, { kenjoTimeoutMs: KENJO_TIMEOUT_MS }));
    run.replays[1]?.start();
    await drained(ledgerB, 30_000);

    expect(seenByB.map((seen) => seen.what)).toEqual(['read-back', 'track 12:00']);
    expect(seenByB[0]?.atMs).toBeGreaterThanOrEqual(startedAtMs + longestCallMs(KENJO_TIMEOUT_MS));
    const landed = kenjo.stored.filter((entry) => entry.userId === 'u7').map((entry) => entry.dateTime);
    expect(landed).toEqual([stalled.kenjoDateTime, after.kenjoDateTime]);
    expect((await ledgerB.getPunch(stalled.kioskId, stalled.id))?.status).toBe('sent');
  }, 45_000);
});
