import { isPaused, pauseAll, type Claim, type Completion, type LoopState } from './loop-state';
import type { Answer } from './types';

/**
 * Makes the calls of committed claims while fewer than `concurrency` are under way and Kenjo has not asked to wait.
 * A slot that frees is refilled at once from the claims committed ahead, without waiting for a commit. `fresh` are
 * the claims committed in this very pass: nothing can have changed their chain since. Any other claim is checked
 * against its chain head first (in its slot, before the call), because an ingest may have put an earlier punch in
 * front of it, unless the ledger tells that no punch was put ahead of any head since the claim's head was read
 * (`punchesAheadVersion`). Every claim's employee must still be this instance's, with margin, when its call starts (a slow
 * commit may outlast the claim): another instance may take it over as soon as it lapses. Else its `sending` claim
 * is undone (it was never called) and the chain starts over from its new head. Returns how many slots it filled.
 */
export function fillSlots(state: LoopState, fresh: ReadonlySet<Claim>, onCallEnded: () => void): number {
  let made = 0;
  while (state.calls.size < state.concurrency && state.ready.length > 0) {
    if (isPaused(state, state.ctx.now())) break;
    const claim = state.ready.shift();
    if (claim === undefined) break;
    state.calls.set(claim.key, call(state, claim, fresh.has(claim), onCallEnded));
    made += 1;
  }
  return made;
}

/** Why a claim committed ahead must not be called now; null when it may. */
async function stale(state: LoopState, claim: Claim, fresh: boolean): Promise<string | null> {
  const { employeeKey } = claim.punch;
  if (employeeKey === null) return null;
  if (!fresh && claim.headSeq !== null && !(await nothingAheadSince(state, claim))) {
    const head = await state.ctx.ledger.nextChainHead(employeeKey);
    if (head?.seq !== claim.headSeq) return 'an earlier punch of the employee arrived first';
  }
  // Last, right before the call: a slow read above must not eat into the claim's margin unseen.
  return state.leases.held(employeeKey) ? null : 'another instance replays the employee now';
}

/** Whether the ledger can tell that no punch was put ahead of any chain head since the claim's head was read. */
async function nothingAheadSince(state: LoopState, claim: Claim): Promise<boolean> {
  if (claim.aheadVersion === null) return false;
  return (await state.ctx.ledger.punchesAheadVersion()) === claim.aheadVersion;
}

function released(claim: Claim, why: string): Answer {
  const { release } = claim;
  const record = () => release?.(why) ?? Promise.resolve({ kind: 'waiting' as const, retryAtMs: null });
  return { record, pauseAllUntilMs: null };
}

/** The chain stays busy (in `done`) from the answer until the commit that records it. */
async function call(state: LoopState, claim: Claim, fresh: boolean, onCallEnded: () => void): Promise<void> {
  let completion: Completion;
  try {
    const why = await stale(state, claim, fresh);
    const answer = why === null ? await claim.call() : released(claim, why);
    // Before the slot is refilled: a 429 must stop the next call although its outcome is not recorded yet.
    pauseAll(state, answer.pauseAllUntilMs);
    completion = { claim, answer };
  } catch (error) {
    completion = { claim, answer: null, error };
  }
  state.done.push(completion);
  state.calls.delete(claim.key);
  onCallEnded();
}
