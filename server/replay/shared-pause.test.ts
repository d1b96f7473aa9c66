/**
 * Kenjo's 429 reaches one instance, and every instance sharing the ledger waits: two replays on one ledger (each
 * with its own loop state and its own Kenjo client). The first is answered 429 with a Retry-After and then stops,
 * so that only the second can send the punches waiting; it must make no call before the pause ends. Against both
 * ledgers; with SQLite's the second is the same proxy restarted, which must not forget the pause either.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { EmployeeLeases } from './employee-leases';
import { createLoopState } from './loop-state';
import { sharePause } from './shared-pause';
import type { AsyncLedger } from '../ledger/async-ledger';
import { createFakeKenjo, type FakeKenjo } from '../testing/fake-kenjo';
import { punchAt, stepHarness } from '../testing/harness';
import { replayOn } from '../testing/replay-instances';
import { insertPunches } from '../testing/ledger-factories';
import { describeLedgers } from '../testing/ledger-implementations';
import type { Replay } from './replay';

const RETRY_AFTER_MS = 1_500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeLedgers((open) => {
  let ledger: AsyncLedger;
  const replays: Replay[] = [];
  beforeEach(async () => {
    ledger = await open();
  });
  afterEach(async () => {
    for (const replay of replays.splice(0)) await replay.stop();
    await ledger.close();
  });

  function instance(kenjo: FakeKenjo): Replay {
    const replay = replayOn(ledger, kenjo, { concurrency: 8, tickMs: 5 });
    replays.push(replay);
    replay.start();
    return replay;
  }

  async function until(what: string, holds: () => boolean | Promise<boolean>): Promise<void> {
    for (let i = 0; i < 1_000; i += 1) {
      if (await holds()) return;
      await sleep(5);
    }
    throw new Error(`${what} never happened`);
  }

  it('pauses every instance for a 429 that reached one of them', async () => {
    const limited = createFakeKenjo({ retryAfterMs: RETRY_AFTER_MS });
    limited.plan('rate-limited');
    await insertPunches(ledger, [punchAt('2026-02-04T08:00:00+01:00', { employeeKey: 'u1' })]);
    instance(limited);
    await until('the first call', () => limited.calls.length === 1);
    const answeredAtMs = Date.now();
    await until('the pause in the ledger', async () => (await ledger.kenjoPausedUntil()) !== null);
    const pausedUntilMs = (await ledger.kenjoPausedUntil()) ?? 0;
    expect(pausedUntilMs).toBeGreaterThanOrEqual(answeredAtMs + RETRY_AFTER_MS - 200);
    await replays[0]?.stop();

    let firstCallAtMs: number | null = null;
    const other = createFakeKenjo({ onCall: () => (firstCallAtMs ??= Date.now()) });
    await insertPunches(ledger, [punchAt('2026-02-04T08:00:00+01:00', { employeeKey: 'u2' })]);
    instance(other);
    await until('the other instance’s calls after the pause', () => other.calls.length === 2);
    expect(firstCallAtMs).toBeGreaterThanOrEqual(pausedUntilMs);
    expect(limited.calls).toHaveLength(1);
  });
});

it('reads the shared pause again only when the ledger tells it was written since the last read, or cannot tell', async () => {
  const { ctx } = stepHarness();
  const ledger = { version: 1 as number | null, stored: null as number | null, reads: 0 };
  ctx.ledger.kenjoPauseVersion = () => Promise.resolve(ledger.version);
  ctx.ledger.kenjoPausedUntil = () => ((ledger.reads += 1), Promise.resolve(ledger.stored));
  const state = createLoopState(ctx, {
    concurrency: 1,
    prefetch: 1,
    tickMs: 20,
    leases: {} as EmployeeLeases,
  });
  await sharePause(state, 0);
  await sharePause(state, 1);
  expect(ledger.reads).toBe(1);

  // Another instance was answered 429: its write is notified.
  ledger.stored = 5_000;
  ledger.version = 2;
  await sharePause(state, 2);
  expect(ledger.reads).toBe(2);
  expect(state.pausedUntilMs).toBe(5_000);

  ledger.version = null;
  await sharePause(state, 6_000);
  await sharePause(state, 6_001);
  expect(ledger.reads).toBe(4);
});
