import type { LoopState } from './loop-state';
import { NEIGHBOURHOOD_MS, STEP_READS } from './step';
import type { LedgerPunch } from './types';

/** How soon a chain whose employee an ingest holds is tried again (an ingest's commit takes milliseconds). */
const LOCKED_RETRY_MS = 20;

export interface LockedHead {
  head: LedgerPunch;
  /** A queued head's `neighbourhood` (its `STEP_READS` punches), read with the heads in one statement. */
  near: readonly LedgerPunch[] | undefined;
}

/**
 * Locks the employees, then reads their chain heads and the punches around the queued ones (one statement for the
 * locks, one after it for the reads, for the whole list): the heads to step now. The candidates are a hint; the
 * ledger says what each head is, and under the lock no ingest changes it before the commit: an ingest on another
 * instance committing an earlier punch of the employee between the read and the lock would otherwise leave this pass
 * sending the later one first (the read must be a statement after the lock's: PostgreSQL reads as of a statement's
 * start). An ingest judging an employee's punches (a double scan) goes first: that chain is tried again shortly.
 */
export async function lockedHeads(
  state: LoopState,
  keys: readonly string[],
  nowMs: number,
): Promise<LockedHead[]> {
  const { ledger } = state.ctx;
  const locked = await ledger.tryLockEmployees(keys);
  const around = await ledger.chainHeadsAround([...locked], NEIGHBOURHOOD_MS, STEP_READS);
  const due: LockedHead[] = [];
  for (const key of keys) {
    if (!locked.has(key)) {
      state.resting.set(key, nowMs + LOCKED_RETRY_MS);
      continue;
    }
    const found = around.get(key);
    const head = found?.head ?? null;
    state.candidates.note(key, head);
    if (head === null || (head.status !== 'queued' && head.status !== 'sending')) continue;
    if (head.nextAttemptAtMs !== null && head.nextAttemptAtMs > nowMs) continue;
    due.push({ head, near: found?.near ?? undefined });
  }
  return due;
}
