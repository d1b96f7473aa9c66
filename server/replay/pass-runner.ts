import type { FlushTimer } from './flush-timer';
import type { ReplayLogger } from './types';

/** The longest rest between passes while the ledger cannot be reached. */
const PASS_REST_MAX_MS = 5_000;

/**
 * Runs the loop's passes one at a time: a pass asked for while one is under way (`again`, or a wake of the timer)
 * runs right after it. A pass that fails (the ledger cannot be reached: the database restarting) is logged once,
 * and the loop rests longer after each failed pass, up to a few seconds, so it is back soon after the database.
 */
export interface PassRunner {
  /** Starts a pass now, or right after the one under way. */
  run(): void;
  /** Asks for one more pass right after the one under way. */
  again(): void;
  /** Waits for the pass under way, then runs one more (a stop's last commit); its failure is only logged. */
  last(): Promise<void>;
}

export function createPassRunner(options: {
  pass: () => Promise<void>;
  timer: FlushTimer;
  tickMs: number;
  logger: ReplayLogger;
  /** What a failed pass leaves to do (walk every chain at the next one). */
  onFailure: () => void;
  /** Whether to come back after a failed pass. */
  running: () => boolean;
}): PassRunner {
  const { timer, logger } = options;
  let passing: Promise<void> | null = null;
  let passAgain = false;
  let failedPasses = 0;
  const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

  function failed(err: unknown): void {
    failedPasses += 1;
    if (failedPasses === 1) logger.error({ err: message(err) }, 'replay pass failed');
    options.onFailure();
    passAgain = false;
    const restMs = Math.min(options.tickMs * 2 ** (failedPasses - 1), PASS_REST_MAX_MS);
    if (options.running()) timer.schedule(restMs, { background: true });
  }

  function run(): void {
    if (passing !== null) {
      passAgain = true;
      return;
    }
    passing = options
      .pass()
      .then(() => {
        if (failedPasses > 0) logger.info({ failedPasses }, 'replay passes go through again');
        failedPasses = 0;
      }, failed)
      .finally(() => {
        passing = null;
        if (passAgain) {
          passAgain = false;
          timer.schedule(0);
        }
      });
  }

  return {
    run,
    again: () => void (passAgain = true),
    async last() {
      await passing;
      timer.cancel();
      passing = options.pass().catch((err: unknown) => {
        logger.error({ err: message(err) }, 'replay stop not recorded');
      });
      await passing;
      passing = null;
    },
  };
}
