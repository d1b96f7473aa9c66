import { backoffDelayMs } from './backoff';
import { createChainCandidates, type ChainCandidates } from './chain-candidates';
import type { EmployeeLeases } from './employee-leases';
import type { Answer, BegunStep, LedgerPunch, StepContext, StepResult } from './types';

/** A step begun and committed, its outside call not yet made. */
export interface Claim {
  /** The chain: the employee's Kenjo id, or the punch itself while its employee is unresolved. */
  key: string;
  punch: LedgerPunch;
  /** The chain head the step was taken for, checked again when the call is made later than the claim. */
  headSeq: number | null;
  /** The ledger's `punchesAheadVersion` from before that head was read: while it is unchanged, the head holds. */
  aheadVersion: number | null;
  call: () => Promise<Answer>;
  release: Extract<BegunStep, { kind: 'calling' }>['release'];
}

/** A call that answered (or threw: `answer` null), its outcome not yet committed; its chain is still busy. */
export interface Completion {
  claim: Claim;
  answer: Answer | null;
  error?: unknown;
}

/**
 * Everything the loop keeps between commits; each chain is in at most one of `ready`, `calls` and `done`. Who may
 * change what: a claim moves `ready` → `calls` → `done` (`slots.ts` fills slots and files answers, `group-commit.ts`
 * claims and commits, `replay.ts` files the claims it puts back on stop); `candidates`, `refresh` and
 * `unresolvedLook` belong to `group-commit.ts`; the pause, the resting chains, the directory's backoff and the wish
 * for a walk of the chains change only through the functions of this module (`pauseAll`, `resumeIfDue`, `afterStep`,
 * `stepFailed`, `wantRefresh`). The settings (`ctx`, `concurrency`, `prefetch`, `tickMs`) never change.
 */
export interface LoopState {
  ctx: StepContext;
  concurrency: number;
  /** How many claims may wait committed ahead of a free slot. */
  prefetch: number;
  tickMs: number;
  ready: Claim[];
  calls: Map<string, Promise<void>>;
  done: Completion[];
  candidates: ChainCandidates;
  /** Chains that wait without a change in the ledger, until an instant; else the next commit would pick them again. */
  resting: Map<string, number>;
  pausedUntilMs: number | null;
  /** The ledger's `kenjoPauseVersion` before the last read of the shared pause (null: read it every pass). */
  pauseReadAtVersion: number | null;
  /** Consecutive `unavailable` answers of the directory; its retries back off like a punch's. */
  directoryFailures: number;
  directoryRetryAtMs: number;
  refresh: { wanted: boolean; lastAtMs: number; truncated: boolean };
  /**
   * The last look for punches whose employee is not resolved yet: the walk of the chains it followed (`refresh`'s
   * `lastAtMs`) and whether it found any. Such punches arrive as new punches do, so while none is left they are
   * looked for again only after the next walk, not on every commit.
   */
  unresolvedLook: { walkAtMs: number; found: boolean };
  /** The Kenjo client's last recovery the loop has acted on (`kenjoCameBack`). */
  kenjoRecoverySeenAtMs: number | null;
  /** The one set `busyKeys` refills on every call. */
  busy: Set<string>;
  /** The employees this instance may replay now (the others are another instance's). */
  leases: EmployeeLeases;
}

export function createLoopState(
  ctx: StepContext,
  options: { concurrency: number; prefetch: number; tickMs: number; leases: EmployeeLeases },
): LoopState {
  return {
    ctx,
    ...options,
    ready: [],
    calls: new Map(),
    done: [],
    candidates: createChainCandidates(),
    resting: new Map(),
    pausedUntilMs: null,
    pauseReadAtVersion: null,
    directoryFailures: 0,
    directoryRetryAtMs: 0,
    refresh: { wanted: true, lastAtMs: 0, truncated: false },
    unresolvedLook: { walkAtMs: -1, found: false },
    kenjoRecoverySeenAtMs: null,
    busy: new Set(),
  };
}

const UNRESOLVED_CHAIN = 'punch:';

export const chainKey = (punch: LedgerPunch): string =>
  punch.employeeKey ?? `${UNRESOLVED_CHAIN}${punch.kioskId}/${punch.id}`;

/** A chain of one employee, as opposed to one punch whose employee is not resolved yet (no lease needed). */
export const isEmployeeChain = (key: string): boolean => !key.startsWith(UNRESOLVED_CHAIN);

/** The employees with work under way: claimed ahead, called, or answered and not yet recorded. */
export function employeesAtWork(state: LoopState): string[] {
  const keys = [
    ...state.calls.keys(),
    ...state.ready.map((c) => c.key),
    ...state.done.map((c) => c.claim.key),
  ];
  return keys.filter(isEmployeeChain);
}

export function isPaused(state: LoopState, nowMs: number): boolean {
  return state.pausedUntilMs !== null && nowMs < state.pausedUntilMs;
}

/**
 * Chains that must not be claimed now; resting ones whose time is up are let go. The set is the loop's one reused
 * set, refilled on every call: valid until the next call of `busyKeys`, so a caller that keeps it passes it on.
 */
export function busyKeys(state: LoopState, nowMs: number): Set<string> {
  const keys = state.busy;
  keys.clear();
  for (const key of state.calls.keys()) keys.add(key);
  for (const claim of state.ready) keys.add(claim.key);
  for (const { claim } of state.done) keys.add(claim.key);
  for (const [key, untilMs] of state.resting) {
    if (untilMs <= nowMs) state.resting.delete(key);
    else keys.add(key);
  }
  return keys;
}

/**
 * The due chains outside `busy` in the order the loop takes them: the employees this instance holds first, then the
 * others, each oldest head first. An instance thus finishes the chains it holds before it claims more: its claims stay
 * about as many as it has room for, and when the backlog runs out no instance sits idle while another holds the rest.
 */
export function dueChains(state: LoopState, nowMs: number, busy: ReadonlySet<string>): string[] {
  return state.candidates.due(nowMs, busy, (key) => state.leases.held(key));
}

/** What a step's result means for the loop: a global pause, a resting chain, the directory's backoff. */
export function afterStep(state: LoopState, punch: LedgerPunch, result: StepResult): void {
  const { ctx } = state;
  if (result.kind === 'retry-later') pauseAll(state, result.pauseAllUntilMs);
  if (punch.employeeKey !== null) {
    if (result.kind === 'waiting' && result.retryAtMs !== null)
      state.resting.set(punch.employeeKey, result.retryAtMs);
    return;
  }
  if (result.kind === 'waiting' && result.retryAtMs !== null) {
    // Every punch of one round meets the same directory: one failure per round, not one per punch, or a backlog
    // that arrived before the first load would push the next try minutes away.
    const nowMs = ctx.now();
    if (nowMs < state.directoryRetryAtMs) return;
    state.directoryFailures += 1;
    const waitMs = Math.max(
      ctx.backoff.baseMs,
      backoffDelayMs(state.directoryFailures, ctx.backoff, ctx.random),
    );
    state.directoryRetryAtMs = nowMs + waitMs;
  } else if (result.kind === 'resolved' || result.kind === 'failed') {
    state.directoryFailures = 0;
    // The punch joined (or failed out of) an employee's chain that the candidates do not know yet.
    wantRefresh(state);
  }
}

/**
 * An outage is failures with no success for longer than this many backoff bases: then one success means Kenjo is
 * back, and every chain that backed off from it goes on at once. Shorter trouble (a stray 5xx) keeps its backoff.
 */
const OUTAGE_BASES = 10;

/**
 * Whether Kenjo answered again after an outage the loop has not acted on yet. The Kenjo client's health is the one
 * owner of "failing since when" (the console and the alerts read it too); the loop only notes which recovery it
 * has acted on.
 */
export function kenjoCameBack(state: LoopState): boolean {
  const recovery = state.ctx.kenjo.stats().lastRecovery;
  if (recovery === null || recovery.atMs === state.kenjoRecoverySeenAtMs) return false;
  state.kenjoRecoverySeenAtMs = recovery.atMs;
  return recovery.unreachableForMs >= OUTAGE_BASES * state.ctx.backoff.baseMs;
}

/** What the loop waited for came back (the directory loaded, Kenjo answered again): stop waiting for it. */
export function resumeWaits(state: LoopState): void {
  state.directoryFailures = 0;
  state.directoryRetryAtMs = 0;
  state.resting.clear();
  wantRefresh(state);
}

/** Asks the next commit to walk every chain (a kick, a start, a punch that joined a chain not known yet). */
export function wantRefresh(state: LoopState): void {
  state.refresh.wanted = true;
}

/** Ends a pause whose time has come. */
export function resumeIfDue(state: LoopState, nowMs: number): void {
  if (state.pausedUntilMs !== null && nowMs >= state.pausedUntilMs) state.pausedUntilMs = null;
}

/** Pauses every call until `untilMs` (a 429's Retry-After, computed once when the answer arrived); never shortens. */
export function pauseAll(state: LoopState, untilMs: number | null): void {
  if (untilMs === null || (state.pausedUntilMs !== null && untilMs <= state.pausedUntilMs)) return;
  state.pausedUntilMs = untilMs;
  state.ctx.logger.warn({ pausedUntilMs: untilMs }, 'Kenjo asked to wait; pausing all calls');
}

/** A step that threw: its chain rests a while instead of being retried in a tight loop. */
export function stepFailed(state: LoopState, key: string, punch: LedgerPunch, err: unknown): void {
  state.resting.set(key, state.ctx.now() + state.ctx.backoff.baseMs);
  state.ctx.logger.error(
    {
      punch: { kioskId: punch.kioskId, id: punch.id },
      err: err instanceof Error ? err.message : String(err),
    },
    'replay step failed unexpectedly',
  );
}
