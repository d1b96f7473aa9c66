import type { LedgerPunch } from './types';

interface Candidate {
  key: string;
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
  /**
   * The employee's chain moved past `settled` (its punch was just sent) to a head not read yet: due at once, ordered
   * as the settled punch was (the new head is at least as late).
   */
  noteMovedOn(key: string, settled: LedgerPunch): void;
  /** The due employees outside `busy`, oldest head first; those `first` names before all others, when given. */
  due(nowMs: number, busy: ReadonlySet<string>, first?: (key: string) => boolean): string[];
  /** Whether `due` would name anyone, without sorting or building a list. */
  anyDue(nowMs: number, busy: ReadonlySet<string>): boolean;
  /** The employees not due before a later instant (backing off). */
  waiting(nowMs: number): string[];
  /** The earliest instant after `nowMs` at which an employee outside `busy` falls due; null when none. */
  nextDueAtMs(nowMs: number, busy: ReadonlySet<string>): number | null;
  readonly size: number;
}

const byHeadOrder = (a: Candidate, b: Candidate): number => a.atMs - b.atMs || a.seq - b.seq;

export function createChainCandidates(): ChainCandidates {
  const byKey = new Map<string, Candidate>();
  // Reused by every `due`: the loop asks on each pass, and a fresh array of every candidate each time is garbage.
  const scratch: Candidate[] = [];
  const later: Candidate[] = [];
  return {
    note(key, head) {
      if (head === null || (head.status !== 'queued' && head.status !== 'sending')) {
        byKey.delete(key);
        return;
      }
      const known = byKey.get(key);
      if (known === undefined) {
        byKey.set(key, { key, atMs: head.atMs, seq: head.seq, dueAtMs: head.nextAttemptAtMs ?? 0 });
      } else {
        known.atMs = head.atMs;
        known.seq = head.seq;
        known.dueAtMs = head.nextAttemptAtMs ?? 0;
      }
    },
    noteMovedOn(key, settled) {
      byKey.set(key, { key, atMs: settled.atMs, seq: settled.seq, dueAtMs: 0 });
    },
    due(nowMs, busy, first) {
      for (const candidate of byKey.values()) {
        if (candidate.dueAtMs > nowMs || busy.has(candidate.key)) continue;
        if (first === undefined || first(candidate.key)) scratch.push(candidate);
        else later.push(candidate);
      }
      scratch.sort(byHeadOrder);
      later.sort(byHeadOrder);
      const keys = new Array<string>(scratch.length + later.length);
      for (let i = 0; i < scratch.length; i += 1) keys[i] = (scratch[i] as Candidate).key;
      for (let i = 0; i < later.length; i += 1) keys[scratch.length + i] = (later[i] as Candidate).key;
      scratch.length = 0;
      later.length = 0;
      return keys;
    },
    anyDue(nowMs, busy) {
      for (const { key, dueAtMs } of byKey.values()) if (dueAtMs <= nowMs && !busy.has(key)) return true;
      return false;
    },
    waiting(nowMs) {
      const keys: string[] = [];
      for (const { key, dueAtMs } of byKey.values()) if (dueAtMs > nowMs) keys.push(key);
      return keys;
    },
    nextDueAtMs(nowMs, busy) {
      let next: number | null = null;
      for (const { key, dueAtMs } of byKey.values()) {
        if (dueAtMs > nowMs && !busy.has(key) && (next === null || dueAtMs < next)) next = dueAtMs;
      }
      return next;
    },
    get size() {
      return byKey.size;
    },
  };
}
