import { DEFAULT_DOUBLE_SCAN_WINDOW_S } from '../../core/double-scan';
import { DEFAULT_TIMEOUT_MS, longestCallMs } from '../kenjo';
import { claimEmployees } from './claim-employees';
import { createEmployeeLeases } from './employee-leases';
import { groupCommit } from './group-commit';
import {
  busyKeys,
  createLoopState,
  isPaused,
  resumeIfDue,
  resumeWaits,
  wantRefresh,
  type Claim,
} from './loop-state';
import { createFlushTimer } from './flush-timer';
import { createPassRunner } from './pass-runner';
import { sharePause } from './shared-pause';
import { fillSlots } from './slots';
import type {
  BackoffPolicy,
  ReplayDirectory,
  ReplayKenjo,
  ReplayLedger,
  ReplayLogger,
  StepContext,
} from './types';

/**
 * The replay loop: one step at a time per employee's chain, up to `concurrency` calls at once across employees.
 * Ledger writes are grouped: one transaction records the outcomes of the calls that answered and claims the next
 * steps (see `group-commit.ts`), and claims are committed a little ahead of free slots (`slots.ts`), so that the
 * commit's fsync is not paid between one call's answer and the next call. It wakes on `kick()`, when calls answer,
 * and on a timer of at most `tickMs`; it never spins. A 429's Retry-After pauses all calls, on every instance sharing
 * the ledger (`shared-pause.ts`): Kenjo's limit is global.
 * Several instances may share one ledger: before each pass this one renews its claims on the employees it works on
 * and claims the due ones (`employee-leases.ts`), and steps only employees it holds, so each employee's punches go
 * out from one instance at a time, in order. A pass that cannot reach the ledger is tried again after a rest.
 */
export interface ReplayOptions {
  ledger: ReplayLedger;
  kenjo: ReplayKenjo;
  directory: ReplayDirectory;
  now: () => number;
  maxShiftHours: number;
  logger: ReplayLogger;
  /** `DOUBLE_SCAN_WINDOW_S`; the protocol's default unless given. */
  doubleScanWindowS?: number;
  concurrency?: number;
  backoff?: BackoffPolicy;
  /** Least wait before reading back an ambiguous call (a request Kenjo still holds may land meanwhile). */
  readBackDelayMs?: number;
  /** The Kenjo client's limit for each exchange: a call another instance left under way ends within its calls' longest. */
  kenjoTimeoutMs?: number;
  /** Longest sleep between passes; also how often every chain is walked for work that arrived unannounced. */
  tickMs?: number;
  /** Longest a recorded answer waits for others to share its commit (while enough claims are ready). */
  groupCommitMs?: number;
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
  /**
   * What the loop may be waiting for came back (the directory loaded): drop the directory's backoff and resting
   * chains and wake now, so that a backlog goes on without waiting for a new punch. A 429's pause still holds.
   */
  resume(): void;
  /** Resolves when nothing is due and nothing is in flight. */
  idle(): Promise<void>;
  status(): ReplayStatus;
}

const NO_CLAIMS: ReadonlySet<Claim> = new Set();

/**
 * Claims committed ahead, per slot. A commit comes once half of them are called (or after `groupCommitMs`), so each
 * one records and claims about `concurrency` steps: with one per slot it was half as many, and each instance spent
 * twice the round trips, and the database twice the statements, per punch. A claim ahead is a `sending` punch whose
 * call has not started: a clean stop puts it back, a crash leaves it to be read back like a call in doubt.
 */
const PREFETCH_PER_SLOT = 2;

export function createReplay(options: ReplayOptions): Replay {
  const leases = createEmployeeLeases(
    options.ledger,
    options.now,
    options.logger,
    longestCallMs(options.kenjoTimeoutMs ?? DEFAULT_TIMEOUT_MS),
  );
  const ctx: StepContext = {
    ledger: options.ledger,
    kenjo: options.kenjo,
    directory: options.directory,
    now: options.now,
    maxShiftHours: options.maxShiftHours,
    doubleScanWindowS: options.doubleScanWindowS ?? DEFAULT_DOUBLE_SCAN_WINDOW_S,
    backoff: options.backoff ?? { baseMs: 1000, maxMs: 300_000 },
    readBackDelayMs: options.readBackDelayMs ?? 1000,
    othersCallsEndedAtMs: (employeeKey) => leases.othersCallsEndedAtMs(employeeKey),
    random: options.random ?? Math.random,
    logger: options.logger,
    readings: { learned: null },
  };
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const tickMs = options.tickMs ?? 1000;
  const groupCommitMs = options.groupCommitMs ?? 10;
  const state = createLoopState(ctx, {
    concurrency,
    prefetch: PREFETCH_PER_SLOT * concurrency,
    tickMs,
    leases,
  });
  const timer = createFlushTimer(() => passes.run());
  const passes = createPassRunner({
    pass: runPass,
    timer,
    tickMs,
    logger: ctx.logger,
    onFailure: () => wantRefresh(state),
    running: () => running,
  });
  const idleWaiters: Array<() => void> = [];
  let running = false;
  let lastPassAtMs: number | null = null;

  /** A call answered: its slot takes the next ready claim, and its outcome waits for a commit. */
  function onCallEnded(): void {
    if (!running) return;
    fillSlots(state, NO_CLAIMS, onCallEnded);
    // Commit soon when the claims ahead run low (slots would idle) or nothing else is under way to share it.
    const urgent = state.ready.length <= state.prefetch / 2 || state.calls.size === 0;
    timer.schedule(urgent ? 0 : groupCommitMs);
  }

  async function runPass(): Promise<void> {
    const nowMs = ctx.now();
    lastPassAtMs = nowMs;
    resumeIfDue(state, nowMs);
    await sharePause(state, nowMs);
    if (running) await claimEmployees(state, nowMs);
    const claims = await groupCommit(state, { claim: running });
    if (!running) {
      if (state.calls.size === 0) releaseIdle();
      return;
    }
    state.ready.push(...claims);
    fillSlots(state, new Set<Claim>(claims), onCallEnded);
    const claimWanted = leases.pending();
    if (claimWanted) passes.again();
    const afterMs = ctx.now();
    if (!claimWanted && state.calls.size === 0 && state.ready.length === 0 && state.done.length === 0) {
      const dueWhilePaused =
        isPaused(state, afterMs) && state.candidates.anyDue(afterMs, busyKeys(state, afterMs));
      if (!dueWhilePaused) releaseIdle();
    }
    let sleepMs = tickMs;
    if (state.pausedUntilMs !== null) sleepMs = Math.min(sleepMs, state.pausedUntilMs - afterMs);
    const nextDueAtMs = state.candidates.nextDueAtMs(afterMs, busyKeys(state, afterMs));
    if (nextDueAtMs !== null) sleepMs = Math.min(sleepMs, nextDueAtMs - afterMs);
    timer.schedule(Math.max(1, sleepMs), { background: true });
  }

  function releaseIdle(): void {
    for (const resolve of idleWaiters.splice(0)) resolve();
  }

  return {
    start() {
      if (running) return;
      running = true;
      wantRefresh(state);
      passes.run();
    },
    async stop() {
      running = false;
      timer.cancel();
      // Claims never called are put back, so that a restart need not read them back from Kenjo.
      for (const claim of state.ready.splice(0)) {
        const { release } = claim;
        if (release === undefined) continue;
        const record = () => release('the replay stopped');
        state.done.push({ claim, answer: { record, pauseAllUntilMs: null } });
      }
      while (state.calls.size > 0) await Promise.allSettled([...state.calls.values()]);
      await passes.last();
      await leases.release().catch(() => undefined);
      releaseIdle();
    },
    kick() {
      if (!running) return;
      // Nothing can be claimed before the pause ends, when the timer wakes anyway and walks the chains then.
      wantRefresh(state);
      if (isPaused(state, ctx.now())) return;
      timer.schedule(0);
    },
    resume() {
      if (!running) return;
      resumeWaits(state);
      if (isPaused(state, ctx.now())) return;
      timer.schedule(0);
    },
    idle() {
      const done = new Promise<void>((resolve) => idleWaiters.push(resolve));
      wantRefresh(state);
      timer.schedule(0);
      return done;
    },
    status() {
      return { inFlight: state.calls.size, pausedUntilMs: state.pausedUntilMs, lastPassAtMs };
    },
  };
}
