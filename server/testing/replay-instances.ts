/** Replays of several instances on one ledger, as the tests of their hand-overs build and watch them. */
import { afterEach, beforeEach } from 'vitest';
import type { AsyncLedger } from '../ledger/async-ledger';
import { openPostgresLedger } from '../ledger/postgres/postgres-ledger';
import { createReplay, type Replay, type ReplayOptions } from '../replay/replay';
import type { ReplayKenjo, ReplayLedger } from '../replay/types';
import type { FakeKenjo } from './fake-kenjo';
import { badgeDirectory, memoryLogger } from './harness';
import { createTestDatabase, type TestDatabase } from './postgres-fixture';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two instances' ledgers on a database of their own for each test (the read-back takes other employees' sent
 * punches as evidence of how Kenjo writes times); the replays a test puts in `replays` are stopped after it.
 */
export function instancesPerTest(serverUrl: string): {
  ledgers: () => [AsyncLedger, AsyncLedger];
  replays: Replay[];
} {
  const replays: Replay[] = [];
  let database: TestDatabase;
  let opened: [AsyncLedger, AsyncLedger] | null = null;
  beforeEach(async () => {
    database = await createTestDatabase(serverUrl);
    opened = [await openPostgresLedger(database.url), await openPostgresLedger(database.url)];
  });
  afterEach(async () => {
    for (const replay of replays.splice(0)) await replay.stop();
    for (const ledger of opened ?? []) await ledger.close();
    opened = null;
    await database.drop();
  });
  const ledgers = (): [AsyncLedger, AsyncLedger] => {
    if (opened === null) throw new Error('the ledgers are open only during a test');
    return opened;
  };
  return { ledgers, replays };
}

/**
 * One instance's replay with short waits, as in the loop's unit tests (without a pause, refused punches would be
 * retried at once); `overrides` change its timings.
 */
export function replayOn(
  ledger: ReplayLedger,
  kenjo: ReplayKenjo,
  overrides: Partial<ReplayOptions> = {},
): Replay {
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
    ...overrides,
  });
}

/** Waits until nothing is waiting in the ledger; answers how long that took. */
export async function drained(ledger: AsyncLedger, withinMs: number): Promise<number> {
  const startedMs = Date.now();
  while ((await ledger.backlog(Date.now())).waiting > 0) {
    if (Date.now() - startedMs > withinMs) throw new Error('the replays did not drain');
    await sleep(20);
  }
  return Date.now() - startedMs;
}

/** Kenjo's calls as `employee hh:mm`, in the order they were made. */
export const calledAs = (kenjo: FakeKenjo) =>
  kenjo.calls.map((c) => `${'userId' in c.employee ? c.employee.userId : '?'} ${c.dateTime.slice(11, 16)}`);
