import { LedgerUnavailableError } from '../ledger/ledger-unavailable';
import { lockedHeads } from './locked-heads';
import { recordTransitions } from './record';
import { planSend, sendingStep } from './send-punch';
import { beginStep, sendsAtOnce } from './step';
import {
  afterStep,
  busyKeys,
  chainKey,
  dueChains,
  isPaused,
  kenjoCameBack,
  stepFailed,
  wantRefresh,
  type Claim,
  type Completion,
  type LoopState,
} from './loop-state';
import type { Answer, LedgerPunch } from './types';

/** The chain head a step is taken for, as read under the employee's lock (`Claim`'s fields of the same names). */
type HeadRead = Pick<Claim, 'headSeq' | 'aheadVersion'>;

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
      await noteNextHeads(state, answered, await settleAll(state, answered));
      const nowMs = state.ctx.now();
      if (kenjoCameBack(state)) await resumeAfterOutage(state, nowMs);
      // While paused nothing is claimed, so no chain is walked either: a wanted walk waits for the pause's end.
      if (!options.claim || isPaused(state, nowMs)) return [];
      return claimSteps(state, nowMs);
    });
  } catch (err) {
    // Nothing of this commit is on disk and none of its claims is called. The database out of reach (restarting)
    // leaves Kenjo's answers as true as they were: they wait, their chains busy, for the commit of the pass after the
    // rest, as when a pass fails before its commit. A read-back instead would find what the answer said at best, and
    // on a young ledger (no punch known to be in Kenjo yet) hold the punch, and its employee's chain, for an operator.
    if (err instanceof LedgerUnavailableError) {
      state.done.unshift(...answered);
      throw err;
    }
    // Any other failure may come back with the same outcomes: after a rest, they are read back like the leftovers
    // of a crash.
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
      seq: head.seq,
    });
    state.candidates.note(key, due);
  }
  state.ctx.logger.info({}, 'Kenjo answers again; chains that waited for it go on now');
}

/**
 * Records the outcomes: Kenjo's answers to sends (each one change, its result known) in one statement, any other
 * outcome alone. That statement needs no savepoint: it fails whole, and with it the commit, as when the commit
 * itself fails (`groupCommit`). Returns the completions whose punch was recorded as sent: their chains moved on.
 */
async function settleAll(state: LoopState, answered: readonly Completion[]): Promise<Set<Completion>> {
  const together: { completion: Completion; outcome: NonNullable<Answer['outcome']> }[] = [];
  for (const completion of answered) {
    const outcome = completion.answer?.outcome;
    if (outcome !== undefined) together.push({ completion, outcome });
  }
  const movedOn = new Set<Completion>();
  if (together.length > 0) {
    const written = await recordTransitions(
      state.ctx,
      together.map(({ outcome }) => outcome.planned),
    );
    together.forEach(({ completion, outcome }, i) => {
      afterStep(state, completion.claim.punch, outcome.result);
      if (written[i]?.status === 'sent') movedOn.add(completion);
    });
  }
  for (const completion of answered) {
    if (completion.answer?.outcome === undefined) await settle(state, completion);
  }
  return movedOn;
}

/**
 * Records one outcome in a savepoint of its own, so that one that throws undoes only itself; the database out of
 * reach fails the whole commit instead (`groupCommit` keeps the answers for the next).
 */
async function settle(state: LoopState, { claim, answer, error }: Completion): Promise<void> {
  const { ledger } = state.ctx;
  if (answer === null) {
    stepFailed(state, claim.key, claim.punch, error);
    return;
  }
  try {
    afterStep(state, claim.punch, await ledger.atomically(answer.record));
  } catch (err) {
    if (err instanceof LedgerUnavailableError) throw err;
    stepFailed(state, claim.key, claim.punch, err);
  }
}

/**
 * Where each chain whose step was just recorded goes on, noted as candidates. A chain whose punch was just recorded
 * as sent has moved on to a head not read yet: it is due at once, in the sent punch's place, and its claim reads the
 * new head under the employee's lock anyway (`lockedHeads`), so it needs no read here. The others' heads are read,
 * all in one statement.
 */
async function noteNextHeads(
  state: LoopState,
  settled: readonly Completion[],
  movedOn: ReadonlySet<Completion>,
): Promise<void> {
  const keys: string[] = [];
  for (const completion of settled) {
    const { punch } = completion.claim;
    if (punch.employeeKey === null) continue;
    if (movedOn.has(completion)) state.candidates.noteMovedOn(punch.employeeKey, punch);
    else keys.push(punch.employeeKey);
  }
  if (keys.length === 0) return;
  const heads = await state.ctx.ledger.nextChainHeads(keys);
  for (const key of keys) state.candidates.note(key, heads.get(key) ?? null);
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
  const take = async (punch: LedgerPunch, read: HeadRead | null, near?: readonly LedgerPunch[]) => {
    busy.add(chainKey(punch));
    const claim = await begin(state, punch, read, near);
    if (claim !== null) claims.push(claim);
  };

  const look = state.unresolvedLook;
  if (
    room() > 0 &&
    nowMs >= state.directoryRetryAtMs &&
    (look.found || look.walkAtMs !== state.refresh.lastAtMs)
  ) {
    const unresolved = await ledger.unresolvedPunches(room() + busy.size);
    state.unresolvedLook = { walkAtMs: state.refresh.lastAtMs, found: unresolved.length > 0 };
    for (const punch of unresolved) {
      if (room() <= 0) break;
      if (!busy.has(chainKey(punch))) await take(punch, null);
    }
  }
  let due = dueChains(state, nowMs, busy);
  if (!refreshed && due.length < room() && state.refresh.truncated) {
    await refresh(state, nowMs, busy);
    due = dueChains(state, nowMs, busy);
  }
  let next = 0;
  // Employees asked for, not held yet: each takes a place, so that an instance asks for no more than it has room for
  // and leaves the rest to the other instances.
  let wanted = 0;
  while (room() > wanted && next < due.length) {
    const batch: string[] = [];
    for (; next < due.length && batch.length + wanted < room(); next += 1) {
      const key = due[next] as string;
      // Not held (another instance may replay this employee now): the next pass claims it, and takes it if granted.
      if (state.leases.held(key)) batch.push(key);
      else {
        state.leases.want(key);
        wanted += 1;
      }
    }
    const sends: { head: LedgerPunch & { employeeKey: string }; near: readonly LedgerPunch[] }[] = [];
    // Taken before the heads are read: whatever is notified after it may have come after the read.
    const aheadVersion = await ledger.punchesAheadVersion();
    for (const { head, near } of await lockedHeads(state, batch, nowMs)) {
      if (near !== undefined && sendsAtOnce(head, near)) {
        busy.add(chainKey(head));
        sends.push({ head, near });
      } else {
        await take(head, { headSeq: head.seq, aheadVersion }, near);
      }
    }
    claims.push(...(await claimSends(state, sends, aheadVersion)));
  }
  return claims;
}

/**
 * Claims queued heads to send, as `beginStep` would, with their `sending` changes in one statement instead of one
 * each (no savepoint, as for `settleAll`). A head someone else moved meanwhile is no claim.
 */
async function claimSends(
  state: LoopState,
  heads: readonly { head: LedgerPunch & { employeeKey: string }; near: readonly LedgerPunch[] }[],
  aheadVersion: number | null,
): Promise<Claim[]> {
  if (heads.length === 0) return [];
  const { ctx } = state;
  const sends = heads.map(({ head, near }) => ({ head, ...planSend(ctx, head, near) }));
  const written = await recordTransitions(
    ctx,
    sends.map(({ planned }) => planned),
  );
  return sends.flatMap(({ head, decision }, i) => {
    const sending = written[i] ?? null;
    if (sending === null) return [];
    const { call, release } = sendingStep(ctx, head, decision, sending);
    return [{ key: head.employeeKey, punch: head, headSeq: head.seq, aheadVersion, call, release }];
  });
}

/**
 * Begins one step in a savepoint of its own; a step that ends at once (nothing to call) is no claim. An employee's
 * head comes locked (`lockedHeads`); a punch whose employee is not resolved yet has no lock to take.
 */
async function begin(
  state: LoopState,
  punch: LedgerPunch,
  read: HeadRead | null,
  near?: readonly LedgerPunch[],
): Promise<Claim | null> {
  const key = chainKey(punch);
  try {
    const begun = await state.ctx.ledger.atomically(() => beginStep(state.ctx, punch, near));
    if (begun.kind === 'calling') {
      const { headSeq, aheadVersion } = read ?? { headSeq: null, aheadVersion: null };
      return { key, punch, headSeq, aheadVersion, call: begun.call, release: begun.release };
    }
    afterStep(state, punch, begun.result);
  } catch (err) {
    stepFailed(state, key, punch, err);
  }
  return null;
}
