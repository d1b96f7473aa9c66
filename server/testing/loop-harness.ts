/** A running replay over a `:memory:` ledger and a fake Kenjo, with waits short enough for unit tests. */
import type { Ledger } from '../ledger/ledger';
import { createReplay, type Replay } from '../replay/replay';
import type { ReplayDirectory } from '../replay/types';
import { createFakeKenjo, type FakeKenjo, type FakeKenjoOptions } from './fake-kenjo';
import { badgeDirectory, memoryLedger, memoryLogger } from './harness';

export interface LoopHarness {
  ledger: Ledger;
  kenjo: FakeKenjo;
  replay: Replay;
  logger: ReturnType<typeof memoryLogger>;
  /** Waits until no punch is queued or sending (failed ones stay for an operator). */
  drain(): Promise<void>;
}

export function loopHarness(
  options: {
    kenjo?: FakeKenjoOptions;
    concurrency?: number;
    directory?: ReplayDirectory;
    ledger?: Ledger;
    backoff?: { baseMs: number; maxMs: number };
    random?: () => number;
  } = {},
): LoopHarness {
  const ledger = options.ledger ?? memoryLedger();
  const kenjo = createFakeKenjo(options.kenjo);
  const logger = memoryLogger();
  const replay = createReplay({
    ledger,
    kenjo,
    directory: options.directory ?? badgeDirectory({}),
    now: Date.now,
    maxShiftHours: 16,
    logger,
    concurrency: options.concurrency ?? 8,
    backoff: options.backoff ?? { baseMs: 5, maxMs: 20 },
    ...(options.random === undefined ? {} : { random: options.random }),
    readBackDelayMs: 5,
    tickMs: 5,
  });
  async function drain(): Promise<void> {
    for (let round = 0; round < 2000; round += 1) {
      await replay.idle();
      if (ledger.backlog(Date.now()).waiting === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('replay did not drain');
  }
  return { ledger, kenjo, replay, logger, drain };
}
