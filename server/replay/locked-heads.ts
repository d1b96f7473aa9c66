import type { LoopState } from './loop-state';
import type { LedgerPunch } from './types';

/** How soon a chain whose employee an ingest holds is tried again (an ingest's commit takes milliseconds). */
const LOCKED_RETRY_MS = 20;

/**
 * Locks the employees, then reads their chain heads (one statement each for the whole list): the heads to step now.
 * The candidates are a hint; the ledger says what each head is, and under the lock no ingest changes it before the
 * commit. An ingest judging an employee's punches (a double scan) goes first: that chain is tried again shortly.
 */
export async function lockedHeads(
  state: LoopState,
  keys: readonly string[],
  nowMs: number,
): Promise<LedgerPunch[]> {
  const { ledger } = state.ctx;
  const locked = await ledger.tryLockEmployees(keys);
  const heads = await ledger.nextChainHeads([...locked]);
  const due: LedgerPunch[] = [];
  for (const key of keys) {
    if (!locked.has(key)) {
      state.resting.set(key, nowMs + LOCKED_RETRY_MS);
      continue;
    }
    const head = heads.get(key) ?? null;
    state.candidates.note(key, head);
    if (head === null || (head.status !== 'queued' && head.status !== 'sending')) continue;
    if (head.nextAttemptAtMs === null || head.nextAttemptAtMs <= nowMs) due.push(head);
  }
  return due;
}
