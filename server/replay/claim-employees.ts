import { LEASE_RETRY_MS } from './employee-leases';
import { refresh } from './group-commit';
import { busyKeys, dueChains, employeesAtWork, isPaused, type LoopState } from './loop-state';

/**
 * Before a pass's commit: renews this instance's claims on the employees it works on and claims as many due ones as
 * it has room for (the others are left to the other instances), walking the chains first when a walk is due. An
 * employee another instance holds rests a moment before it is asked for again.
 */
export async function claimEmployees(state: LoopState, nowMs: number): Promise<void> {
  if (isPaused(state, nowMs)) return;
  if (state.refresh.wanted || nowMs - state.refresh.lastAtMs >= state.tickMs) {
    await refresh(state, nowMs, busyKeys(state, nowMs));
  }
  const atWork = employeesAtWork(state);
  const room = state.concurrency + state.prefetch - atWork.length;
  const due = room > 0 ? dueChains(state, nowMs, busyKeys(state, nowMs)).slice(0, room) : [];
  const { refused } = await state.leases.renew(atWork, due);
  for (const key of refused) state.resting.set(key, nowMs + LEASE_RETRY_MS);
}
