import { beginStep } from './step';
import {
  afterStep,
  busyKeys,
  chainKey,
  isPaused,
  kenjoCameBack,
  stepFailed,
  wantRefresh,
  type Claim,
  type Completion,
  type LoopState,
} from './loop-state';
import type { LedgerPunch } from './types';

/** How soon a chain whose employee an ingest holds is tried again (an ingest's commit takes milliseconds). */
const LOCKED_RETRY_MS = 20;
/** How many heads one walk over every chain brings in; more are fetched once these run out. */
const REFRESH_LIMIT = 256;

/**
 * One transaction, so one commit (and one fsync) for many punches: first the outcome of every call that answered
 * since the last one, then new claims (the `sending` state and overnight decision of each punch about to be sent) for
 * the free slots plus `prefetch`. The caller makes the claimed calls only after this returns, that is after the
 * commit; a chain is claimed again only once its previous outcome is in the same or an earlier commit.
 */
export async function groupCommit(state: LoopState, options: { claim: boolean }): Promise<Claim[]> {
  const { ledger } = state.ctx;
  const answered = state.done.splice(0);
  try {
    return await ledger.atomically(async () => {
      for (const completion of answered) await settle(state, completion);
      const nowMs = state.ctx.now();
      if (kenjoCameBack(state)) await resumeAfterOutage(state, nowMs);
      // While paused nothing is claimed, so no chain is walked either: a wanted walk waits for the pause's end.
      if (!options.claim || isPaused(state, nowMs)) return [];
      return claimSteps(state, nowMs);
    });
  } catch (err) {
    // Nothing of this commit is on disk and none of its claims is called. The answered punches are still `sending`
    // in the ledger: after a rest, they are read back like the leftovers of a crash.
    for (const { claim } of answered) stepFailed(state, claim.key, claim.punch, err);
    wantRefresh(state);
    return [];
  }
}

/**
 * Kenjo answered again after an outage: the queued heads that backed off from it are due now, instead of after a
 * backoff that grew while it was down. Heads in doubt (`sending`) keep their wait: a read-back must not come early.
 */
async function resumeAfterOutage(state: LoopState, nowMs: number): Promise<void> {
  const { ledger } = state.ctx;
  for (const key of state.candidates.waiting(nowMs)) {
    // An employee an ingest holds keeps its wait: this commit must not wait for the ingest's while it holds others.
    if (!(await ledger.tryLockEmployee(key))) continue;
    const head = await ledger.nextChainHead(key);
    if (head?.status !== 'queued' || head.nextAttemptAtMs === null || head.nextAttemptAtMs <= nowMs) continue;
    const due = await ledger.transition(head.kioskId, head.id, {
      from: ['queued'],
      to: 'queued',
      nextAttemptAtMs: null,
    });
    state.candidates.note(key, due);
  }
  state.ctx.logger.info({}, 'Kenjo answers again; chains that waited for it go on now');
}

/** Records one outcome in a savepoint of its own, so that one that throws undoes only itself. */
async function settle(state: LoopState, { claim, answer, error }: Completion): Promise<void> {
  const { ledger } = state.ctx;
  try {
    if (answer === null) throw error;
    afterStep(state, claim.punch, await ledger.atomically(answer.record));
  } catch (err) {
    stepFailed(state, claim.key, claim.punch, err);
  }
  if (claim.punch.employeeKey !== null) {
    state.candidates.note(claim.punch.employeeKey, await ledger.nextChainHead(claim.punch.employeeKey));
  }
}

/**
 * Walks every chain (new punches, crash leftovers, an operator's retry): at start, after `kick()`, every tick, and
 * when the last walk was cut at its limit and the candidates run out; at most once per commit.
 */
export async function refresh(state: LoopState, nowMs: number, busy: ReadonlySet<string>): Promise<void> {
  const heads = await state.ctx.ledger.dueChainHeads(nowMs, REFRESH_LIMIT, busy);
  for (const head of heads) if (head.employeeKey !== null) state.candidates.note(head.employeeKey, head);
  state.refresh = { wanted: false, lastAtMs: nowMs, truncated: heads.length === REFRESH_LIMIT };
}

async function claimSteps(state: LoopState, nowMs: number): Promise<Claim[]> {
  const { ledger } = state.ctx;
  const claims: Claim[] = [];
  const busy = busyKeys(state, nowMs);
  let refreshed = false;
  if (state.refresh.wanted || nowMs - state.refresh.lastAtMs >= state.tickMs) {
    await refresh(state, nowMs, busy);
    refreshed = true;
  }
  const room = () =>
    state.concurrency + state.prefetch - state.calls.size - state.ready.length - claims.length;
  const take = async (punch: LedgerPunch, headSeq: number | null) => {
    busy.add(chainKey(punch));
    const claim = await begin(state, punch, headSeq);
    if (claim !== null) claims.push(claim);
  };

  if (room() > 0 && nowMs >= state.directoryRetryAtMs) {
    for (const punch of await ledger.unresolvedPunches(room() + busy.size)) {
      if (room() <= 0) break;
      if (!busy.has(chainKey(punch))) await take(punch, null);
    }
  }
  let due = state.candidates.due(nowMs, busy);
  if (!refreshed && due.length < room() && state.refresh.truncated) {
    await refresh(state, nowMs, busy);
    due = state.candidates.due(nowMs, busy);
  }
  for (const key of due) {
    if (room() <= 0) break;
    // Another instance replays this employee now; the next pass that holds the employee takes it.
    if (!state.leases.held(key)) {
      state.leases.want(key);
      continue;
    }
    // An ingest judging this employee's punches (a double scan) goes first; the chain is tried again shortly. The
    // lock is taken before the head is read: an ingest on another instance committing an earlier punch of this
    // employee in between would otherwise leave this pass sending the later one first.
    if (!(await ledger.tryLockEmployee(key))) {
      state.resting.set(key, nowMs + LOCKED_RETRY_MS);
      continue;
    }
    // The candidates are a hint; the ledger says what the head is now.
    const head = await ledger.nextChainHead(key);
    state.candidates.note(key, head);
    if (head === null || (head.status !== 'queued' && head.status !== 'sending')) continue;
    if (head.nextAttemptAtMs !== null && head.nextAttemptAtMs > nowMs) continue;
    await take(head, head.seq);
  }
  return claims;
}

/**
 * Begins one step in a savepoint of its own; a step that ends at once (nothing to call) is no claim. A resolved
 * punch's employee is already locked by this transaction (see `claimSteps`); an unresolved one has no employee yet.
 */
async function begin(state: LoopState, punch: LedgerPunch, headSeq: number | null): Promise<Claim | null> {
  const key = chainKey(punch);
  const { ledger } = state.ctx;
  try {
    const begun = await ledger.atomically(() => beginStep(state.ctx, punch));
    if (begun.kind === 'calling') return { key, punch, headSeq, call: begun.call, release: begun.release };
    afterStep(state, punch, begun.result);
  } catch (err) {
    stepFailed(state, key, punch, err);
  }
  return null;
}
