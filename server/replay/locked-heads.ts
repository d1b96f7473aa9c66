import type { LoopState } from './loop-state';
import { neighbourhood, STEP_READS } from './step';
import type { LedgerPunch } from './types';

/** How soon a chain whose employee an ingest holds is tried again (an ingest's commit takes milliseconds). */
const LOCKED_RETRY_MS = 20;

export interface LockedHead {
  head: LedgerPunch;
  /** A queued head's `neighbourhood` (its `STEP_READS` punches), read with the others' in one statement. */
  near: readonly LedgerPunch[] | undefined;
}

/**
 * Locks the employees, then reads their chain heads and the punches around the queued ones (one statement each for
 * the whole list): the heads to step now. The candidates are a hint; the ledger says what each head is, and under the
 * lock no ingest changes it before the commit: an ingest on another instance committing an earlier punch of the
 * employee between the read and the lock would otherwise leave this pass sending the later one first. An ingest
 * judging an employee's punches (a double scan) goes first: that chain is tried again shortly.
 */
export async function lockedHeads(
  state: LoopState,
  keys: readonly string[],
  nowMs: number,
): Promise<LockedHead[]> {
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
  const ranges = due.flatMap((head) =>
    head.status === 'queued' && head.employeeKey !== null
      ? [neighbourhood({ ...head, employeeKey: head.employeeKey })]
      : [],
  );
  const around = await ledger.punchesOfEmployeesBetween(ranges, STEP_READS);
  // An employee absent from the answer has no punch in those states around its head: it reads as none.
  return due.map((head) => ({
    head,
    near: head.status === 'queued' ? (around.get(head.employeeKey ?? '') ?? []) : undefined,
  }));
}
