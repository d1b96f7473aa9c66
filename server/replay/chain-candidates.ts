import type { LedgerPunch } from './types';

interface Candidate {
  atMs: number;
  seq: number;
  dueAtMs: number;
}

/**
 * The employees whose chain has work, as last seen: each one's head position (to take the oldest heads first, as
 * `dueChainHeads` orders them) and when it is due. Only a hint: the head is read again, inside the transaction that
 * claims it, before anything is done with it, so a stale entry costs one index seek and never a wrong step.
 */
export interface ChainCandidates {
  /** Records the employee's head as read from the ledger; a settled (null) or failed head drops the employee. */
  note(key: string, head: LedgerPunch | null): void;
  /** The due employees outside `busy`, oldest head first. */
  due(nowMs: number, busy: ReadonlySet<string>): string[];
  /** The earliest instant after `nowMs` at which an employee outside `busy` falls due; null when none. */
  nextDueAtMs(nowMs: number, busy: ReadonlySet<string>): number | null;
  readonly size: number;
}

export function createChainCandidates(): ChainCandidates {
  const byKey = new Map<string, Candidate>();
  return {
    note(key, head) {
      if (head === null || (head.status !== 'queued' && head.status !== 'sending')) byKey.delete(key);
      else byKey.set(key, { atMs: head.atMs, seq: head.seq, dueAtMs: head.nextAttemptAtMs ?? 0 });
    },
    due(nowMs, busy) {
      const due: Array<[string, Candidate]> = [];
      for (const entry of byKey) if (entry[1].dueAtMs <= nowMs && !busy.has(entry[0])) due.push(entry);
      due.sort(([, a], [, b]) => a.atMs - b.atMs || a.seq - b.seq);
      return due.map(([key]) => key);
    },
    nextDueAtMs(nowMs, busy) {
      let next: number | null = null;
      for (const [key, { dueAtMs }] of byKey) {
        if (dueAtMs > nowMs && !busy.has(key) && (next === null || dueAtMs < next)) next = dueAtMs;
      }
      return next;
    },
    get size() {
      return byKey.size;
    },
  };
}
