/**
 * An earlier punch of an employee stored by an ingest on another instance while this one is about to send the
 * employee's next punch: whatever the timing, a call is made only for the punch that was the employee's earliest
 * unsent one when it was claimed. The ingest commits under the employee's lock, so the replay reads the chain head
 * only once it holds that lock itself.
 */
import { expect, it } from 'vitest';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { LedgerPunch, LedgerStatus } from '../ledger/ledger';
import { createFakeKenjo } from '../testing/fake-kenjo';
import { punchAt } from '../testing/harness';
import { insertPunches } from '../testing/ledger-factories';
import { describePostgres } from '../testing/postgres-fixture';
import { drained, instancesPerTest, replayOn, sleep } from '../testing/replay-instances';

describePostgres('an earlier punch stored by another instance while the replay claims', (serverUrl) => {
  const run = instancesPerTest(serverUrl);

  it('is never overtaken by a later punch claimed after it was stored', async () => {
    const who = { employeeKey: 'u7', employee: { userId: 'u7' } };
    const later = punchAt('2026-02-04T12:00:00+01:00', who);
    const earlier = punchAt('2026-02-04T08:00:00+01:00', who);
    const [ledgerA, ledgerB] = run.ledgers();
    await insertPunches(ledgerA, [later]);

    // B's ingest of the earlier punch, under the employee's lock as ingest takes it, starts right after A has read
    // the chain head; A goes on once it committed, or after a moment if it waits for a lock A holds.
    let ingest: Promise<unknown> | null = null;
    const raceAfterRead = async (head: LedgerPunch | null | undefined) => {
      if (ingest === null && head?.id === later.id) {
        ingest = ledgerB.atomically(async () => {
          await ledgerB.lockEmployees(['u7']);
          await insertPunches(ledgerB, [earlier]);
        });
        await Promise.race([ingest, sleep(500)]);
      }
    };
    const racingLedgerA: AsyncLedger = {
      ...ledgerA,
      async nextChainHead(key) {
        const head = await ledgerA.nextChainHead(key);
        await raceAfterRead(head);
        return head;
      },
      async nextChainHeads(keys) {
        const heads = await ledgerA.nextChainHeads(keys);
        await raceAfterRead(heads.get('u7'));
        return heads;
      },
      async chainHeadsAround(keys, aroundMs, statuses) {
        const around = await ledgerA.chainHeadsAround(keys, aroundMs, statuses);
        await raceAfterRead(around.get('u7')?.head);
        return around;
      },
    };
    // When A claims the later punch (`sending`): whether the earlier one was stored by then, as any other connection
    // sees it.
    const storedBeforeClaim: boolean[] = [];
    const claimsLater = (id: string, to: LedgerStatus) => id === later.id && to === 'sending';
    const watch = async (claiming: boolean) => {
      if (claiming) storedBeforeClaim.push((await ledgerB.getPunch(earlier.kioskId, earlier.id)) !== null);
    };
    const watchedLedgerA: AsyncLedger = {
      ...racingLedgerA,
      async transition(kioskId, id, change) {
        await watch(claimsLater(id, change.to));
        return ledgerA.transition(kioskId, id, change);
      },
      async transitions(changes) {
        await watch(changes.some(({ id, change }) => claimsLater(id, change.to)));
        return ledgerA.transitions(changes);
      },
    };
    const kenjo = createFakeKenjo({ latencyMs: 20 });

    run.replays.push(replayOn(watchedLedgerA, kenjo));
    run.replays[0]?.start();
    while (ingest === null) await sleep(10);
    await ingest;
    await drained(ledgerB, 20_000);

    expect(kenjo.stored.map((entry) => entry.dateTime).sort()).toEqual(
      [earlier.kenjoDateTime, later.kenjoDateTime].sort(),
    );
    expect(storedBeforeClaim).toEqual([false]);
  }, 30_000);
});
