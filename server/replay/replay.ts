import { backoffDelayMs } from './backoff';
import { runStep } from './step';
import type {
  BackoffPolicy,
  LedgerPunch,
  ReplayDirectory,
  ReplayKenjo,
  ReplayLedger,
  ReplayLogger,
  StepContext,
  StepResult,
} from './types';

/**
 * The replay loop: takes the due chain heads (one per employee) from the ledger and runs one step on each, several
 * employees in parallel but never two steps of one employee at once. It wakes on `kick()`, when a step ends, and on a
 * timer of at most `tickMs`; it never spins. A 429's Retry-After pauses all dispatch, because Kenjo's limit is global.
 */
export interface ReplayOptions {
  ledger: ReplayLedger;
  kenjo: ReplayKenjo;
  directory: ReplayDirectory;
  now: () => number;
  maxShiftHours: number;
  logger: ReplayLogger;
  concurrency?: number;
  backoff?: BackoffPolicy;
  /** Least wait before reading back an ambiguous call (a request Kenjo still holds may land meanwhile). */
  readBackDelayMs?: number;
  /** Longest sleep between passes. */
  tickMs?: number;
  random?: () => number;
}

export interface ReplayStatus {
  inFlight: number;
  pausedUntilMs: number | null;
  lastPassAtMs: number | null;
}

export interface Replay {
  start(): void;
  /** Stops dispatching and resolves once every call in flight has ended and been recorded. */
  stop(): Promise<void>;
  /** Wake up now (after an ingest). */
  kick(): void;
  /** Resolves when nothing is due and nothing is in flight. */
  idle(): Promise<void>;
  status(): ReplayStatus;
}

export function createReplay(options: ReplayOptions): Replay {
  const ctx: StepContext = {
    ledger: options.ledger,
    kenjo: options.kenjo,
    directory: options.directory,
    now: options.now,
    maxShiftHours: options.maxShiftHours,
    backoff: options.backoff ?? { baseMs: 1000, maxMs: 300_000 },
    readBackDelayMs: options.readBackDelayMs ?? 1000,
    random: options.random ?? Math.random,
    logger: options.logger,
  };
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const tickMs = options.tickMs ?? 1000;
  const inFlight = new Map<string, Promise<void>>();
  /** Chains whose last step threw unexpectedly rest a while instead of being retried in a tight loop. */
  const resting = new Map<string, number>();
  const idleWaiters: Array<() => void> = [];
  let running = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let kickPending = false;
  let pausedUntilMs: number | null = null;
  /** Consecutive `unavailable` answers of the directory; its retries back off like a punch's. */
  let directoryFailures = 0;
  let directoryRetryAtMs = 0;
  let lastPassAtMs: number | null = null;

  const chainKey = (punch: LedgerPunch): string => punch.employeeKey ?? `punch:${punch.kioskId}/${punch.id}`;

  function afterStep(punch: LedgerPunch, result: StepResult): void {
    if (result.kind === 'retry-later' && result.pauseAllUntilMs !== null) {
      if (pausedUntilMs === null || result.pauseAllUntilMs > pausedUntilMs) {
        pausedUntilMs = result.pauseAllUntilMs;
        ctx.logger.warn({ pausedUntilMs }, 'Kenjo asked to wait; pausing all calls');
      }
    }
    if (punch.employeeKey !== null) {
      // A chain that waits without a change in the ledger rests, or the next pass would pick it again at once.
      if (result.kind === 'waiting' && result.retryAtMs !== null)
        resting.set(chainKey(punch), result.retryAtMs);
      return;
    }
    if (result.kind === 'waiting' && result.retryAtMs !== null) {
      directoryFailures += 1;
      const waitMs = Math.max(ctx.backoff.baseMs, backoffDelayMs(directoryFailures, ctx.backoff, ctx.random));
      directoryRetryAtMs = Math.max(directoryRetryAtMs, ctx.now() + waitMs);
    } else if (result.kind === 'resolved' || result.kind === 'failed') {
      directoryFailures = 0;
    }
  }

  function launch(punch: LedgerPunch): void {
    const key = chainKey(punch);
    const task = runStep(ctx, punch)
      .then(
        (result) => afterStep(punch, result),
        (err: unknown) => {
          resting.set(key, ctx.now() + ctx.backoff.baseMs);
          ctx.logger.error(
            {
              punch: { kioskId: punch.kioskId, id: punch.id },
              err: err instanceof Error ? err.message : String(err),
            },
            'replay step failed unexpectedly',
          );
        },
      )
      .finally(() => {
        inFlight.delete(key);
        pass();
      });
    inFlight.set(key, task);
  }

  function busyKeys(nowMs: number): Set<string> {
    const keys = new Set(inFlight.keys());
    for (const [key, untilMs] of resting) {
      if (untilMs <= nowMs) resting.delete(key);
      else keys.add(key);
    }
    return keys;
  }

  /** Starts steps for free slots; returns how many it started. */
  function fill(nowMs: number): number {
    let started = 0;
    const free = () => concurrency - inFlight.size;
    if (free() > 0 && nowMs >= directoryRetryAtMs) {
      const busy = busyKeys(nowMs);
      for (const punch of ctx.ledger.unresolvedPunches(concurrency + busy.size)) {
        if (free() <= 0) break;
        if (busy.has(chainKey(punch))) continue;
        launch(punch);
        started += 1;
      }
    }
    if (free() > 0) {
      for (const head of ctx.ledger.dueChainHeads(nowMs, free(), busyKeys(nowMs))) {
        if (inFlight.has(chainKey(head))) continue;
        launch(head);
        started += 1;
      }
    }
    return started;
  }

  function pass(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!running) {
      if (inFlight.size === 0) releaseIdle();
      return;
    }
    const nowMs = ctx.now();
    lastPassAtMs = nowMs;
    if (pausedUntilMs !== null && nowMs >= pausedUntilMs) pausedUntilMs = null;
    const started = pausedUntilMs === null ? fill(nowMs) : 0;
    if (inFlight.size === 0 && started === 0) {
      const dueWhilePaused =
        pausedUntilMs !== null && ctx.ledger.dueChainHeads(nowMs, 1, new Set()).length > 0;
      if (!dueWhilePaused) releaseIdle();
    }
    const sleepMs = pausedUntilMs === null ? tickMs : Math.min(tickMs, Math.max(0, pausedUntilMs - nowMs));
    timer = setTimeout(pass, sleepMs);
    timer.unref();
  }

  function releaseIdle(): void {
    for (const resolve of idleWaiters.splice(0)) resolve();
  }

  return {
    start() {
      if (running) return;
      running = true;
      pass();
    },
    async stop() {
      running = false;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
      releaseIdle();
    },
    kick() {
      if (!running || kickPending) return;
      kickPending = true;
      setImmediate(() => {
        kickPending = false;
        pass();
      });
    },
    idle() {
      const done = new Promise<void>((resolve) => idleWaiters.push(resolve));
      setImmediate(pass);
      return done;
    },
    status() {
      return { inFlight: inFlight.size, pausedUntilMs, lastPassAtMs };
    },
  };
}
