/** A running replay over a `:memory:` ledger and a fake Kenjo, with waits short enough for unit tests. */
import type { AsyncLedger } from '../ledger/async-ledger';
import type { Ledger } from '../ledger/ledger';
import { createReplay, type Replay } from '../replay/replay';
import type { ReplayDirectory } from '../replay/types';
import { createFakeKenjo, type FakeKenjo, type FakeKenjoOptions } from './fake-kenjo';
import { badgeDirectory, memoryLedger, memoryLogger } from './harness';
import { asyncOf } from './ledger-factories';

export interface LoopHarness {
  ledger: Ledger;
  /** The same ledger as the replay calls it. */
  replayLedger: AsyncLedger;
  kenjo: FakeKenjo;
  replay: Replay;
  logger: ReturnType<typeof memoryLogger>;
  /** Waits until no punch is queued or sending (failed ones stay for an operator). */
  drain(): Promise<void>;
  /** Waits until Kenjo has received `count` calls: a pass commits its claims, then calls, a few turns after a wake. */
  callsMade(count?: number): Promise<void>;
}

export function loopHarness(
  options: {
    kenjo?: FakeKenjoOptions;
    concurrency?: number;
    directory?: ReplayDirectory;
    ledger?: Ledger;
    backoff?: { baseMs: number; maxMs: number };
    random?: () => number;
    tickMs?: number;
  } = {},
): LoopHarness {
  const ledger = options.ledger ?? memoryLedger();
  const kenjo = createFakeKenjo(options.kenjo);
  const logger = memoryLogger();
  const replayLedger = asyncOf(ledger);
  const replay = createReplay({
    ledger: replayLedger,
    kenjo,
    directory: options.directory ?? badgeDirectory({}),
    now: Date.now,
    maxShiftHours: 16,
    logger,
    concurrency: options.concurrency ?? 8,
    backoff: options.backoff ?? { baseMs: 5, maxMs: 20 },
    ...(options.random === undefined ? {} : { random: options.random }),
    readBackDelayMs: 5,
    tickMs: options.tickMs ?? 5,
  });
  async function drain(): Promise<void> {
    for (let round = 0; round < 2000; round += 1) {
      await replay.idle();
      if (ledger.backlog(Date.now()).waiting === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('replay did not drain');
  }
  async function callsMade(count = 1): Promise<void> {
    for (let turn = 0; turn < 100_000; turn += 1) {
      if (kenjo.calls.length >= count) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`Kenjo did not receive ${count} calls`);
  }
  return { ledger, replayLedger, kenjo, replay, logger, drain, callsMade };
}
