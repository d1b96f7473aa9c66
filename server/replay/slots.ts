import { isPaused, pauseAll, type Claim, type Completion, type LoopState } from './loop-state';

/**
 * Makes the calls of committed claims while fewer than `concurrency` are under way and Kenjo has not asked to wait.
 * A slot that frees is refilled at once from the claims committed ahead, without waiting for a commit. `fresh` are
 * the claims committed in this very turn of the event loop: nothing can have changed their chain since. Any other
 * claim is checked against its chain head first, because an ingest may have put an earlier punch in front of it;
 * its `sending` claim is then undone (it was never called) and the chain starts over from its new head.
 * Returns how many calls it made.
 */
export function fillSlots(state: LoopState, fresh: ReadonlySet<Claim>, onCallEnded: () => void): number {
  let made = 0;
  while (state.calls.size < state.concurrency && state.ready.length > 0) {
    if (isPaused(state, state.ctx.now())) break;
    const claim = state.ready.shift();
    if (claim === undefined) break;
    if (!fresh.has(claim) && !stillHead(state, claim)) {
      const { release } = claim;
      const why = 'an earlier punch of the employee arrived first';
      const record = () => release?.(why) ?? { kind: 'waiting' as const, retryAtMs: null };
      state.done.push({ claim, answer: { record, pauseAllUntilMs: null } });
      continue;
    }
    state.calls.set(claim.key, call(state, claim, onCallEnded));
    made += 1;
  }
  return made;
}

function stillHead(state: LoopState, claim: Claim): boolean {
  const { employeeKey } = claim.punch;
  if (claim.headSeq === null || employeeKey === null) return true;
  return state.ctx.ledger.nextChainHead(employeeKey)?.seq === claim.headSeq;
}

/** The chain stays busy (in `done`) from the answer until the commit that records it. */
async function call(state: LoopState, claim: Claim, onCallEnded: () => void): Promise<void> {
  let completion: Completion;
  try {
    const answer = await claim.call();
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
