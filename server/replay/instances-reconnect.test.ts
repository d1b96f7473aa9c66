/**
 * An instance that lost the database while its call was answered, and comes back after another instance took its
 * employee over and claimed the punch again: the outcome it still holds belongs to a claim that is over, and must not
 * land on the new one (it would turn the other instance's call under way back into a queued punch, sent twice).
 */
import { expect, it } from 'vitest';
import type { AsyncLedger } from '../ledger/async-ledger';
import { createFakeKenjo, seedKnownPunch, type FakeKenjo } from '../testing/fake-kenjo';
import { punchAt } from '../testing/harness';
import { insertPunches } from '../testing/ledger-factories';
import { describePostgres } from '../testing/postgres-fixture';
import { drained, instancesPerTest, replayOn, sleep } from '../testing/replay-instances';

const KENJO_TIMEOUT_MS = 500;

describePostgres('an instance coming back to the database after its employee was taken over', (serverUrl) => {
  const run = instancesPerTest(serverUrl);

  it('records nothing over the claim of the instance that took over, and the punch lands once', async () => {
    const [punch, evidence] = [
      punchAt('2026-02-04T08:00:00+01:00', { employeeKey: 'u7', employee: { userId: 'u7' } }),
      punchAt('2026-02-04T07:31:07+01:00', { employeeKey: 'u9', employee: { userId: 'u9' } }),
    ];
    const [ledgerA, ledgerB] = run.ledgers();
    await insertPunches(ledgerA, [punch, evidence]);
    const kenjo = createFakeKenjo();
    await seedKnownPunch(ledgerA, kenjo, evidence);

    // A: Kenjo refuses its call (503, not applied), and from the call on A cannot reach the database until B's call
    // is under way; then its passes go through again.
    let cutSinceMs: number | null = null;
    let reconnected = false;
    let renewalsSinceReconnect = 0;
    const kenjoA: FakeKenjo = {
      ...kenjo,
      async trackTime(request) {
        cutSinceMs = Date.now();
        kenjo.plan('server-error');
        return kenjo.trackTime(request);
      },
    };
    const cut = () => {
      if (cutSinceMs !== null && !reconnected) throw new Error('connection lost');
    };
    // Every statement of a pass fails while cut: the first (the shared pause) ends the pass before its commit, so A
    // keeps the outcome it holds, whether or not its claims were due for renewal.
    const cutLedgerA: AsyncLedger = {
      ...ledgerA,
      kenjoPausedUntil: async () => (cut(), ledgerA.kenjoPausedUntil()),
      extendKenjoPause: async (untilMs) => (cut(), ledgerA.extendKenjoPause(untilMs)),
      atomically: async (work) => (cut(), ledgerA.atomically(work)),
      async claimEmployees(...args) {
        cut();
        if (reconnected) renewalsSinceReconnect += 1;
        return ledgerA.claimEmployees(...args);
      },
    };
    // B: its call is answered only after A has run two passes with the database back (the first records what A held).
    const kenjoB: FakeKenjo = {
      ...kenjo,
      async trackTime(request) {
        reconnected = true;
        while (renewalsSinceReconnect < 2) await sleep(20);
        return kenjo.trackTime(request);
      },
    };

    run.replays.push(replayOn(cutLedgerA, kenjoA, { kenjoTimeoutMs: KENJO_TIMEOUT_MS }));
    run.replays[0]?.start();
    while (cutSinceMs === null) await sleep(10);
    run.replays.push(replayOn(ledgerB, kenjoB, { kenjoTimeoutMs: KENJO_TIMEOUT_MS }));
    run.replays[1]?.start();
    await drained(ledgerB, 30_000);

    const landed = kenjo.stored.filter((entry) => entry.userId === 'u7').map((entry) => entry.dateTime);
    expect(landed).toEqual([punch.kenjoDateTime]);
    expect(renewalsSinceReconnect).toBeGreaterThanOrEqual(2);
    expect(await ledgerB.getPunch(punch.kioskId, punch.id)).toMatchObject({ status: 'sent', attempts: 2 });
  }, 45_000);
});
