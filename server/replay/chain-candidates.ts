import type { LedgerPunch } from './types';

interface Candidate {
  key: string;
  atMs: number;
  seq: number;
  dueAtMs: number;
  /** The head is `sending`: a call in doubt, to be read back (another instance's, or one a crash left). */
  inDoubt: boolean;
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
  /**
   * The due employees outside `busy`, oldest head first; when `first` is given, those it names come before all
   * others, and among the others those whose head is a call in doubt: its read-back waits for the longest call after
   * the employee is claimed, so an employee a dead instance left mid-call is claimed before one not started.
   */
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
  // In the order `due` lists them: those `first` names, then heads in doubt, then the rest.
  const named: Candidate[] = [];
  const headsInDoubt: Candidate[] = [];
  const rest: Candidate[] = [];
  const groups = [named, headsInDoubt, rest];
  return {
    note(key, head) {
      if (head === null || (head.status !== 'queued' && head.status !== 'sending')) {
        byKey.delete(key);
        return;
      }
      const known = byKey.get(key);
      const inDoubt = head.status === 'sending';
      if (known === undefined) {
        byKey.set(key, { key, atMs: head.atMs, seq: head.seq, dueAtMs: head.nextAttemptAtMs ?? 0, inDoubt });
      } else {
        known.atMs = head.atMs;
        known.seq = head.seq;
        known.dueAtMs = head.nextAttemptAtMs ?? 0;
        known.inDoubt = inDoubt;
      }
    },
    noteMovedOn(key, settled) {
      byKey.set(key, { key, atMs: settled.atMs, seq: settled.seq, dueAtMs: 0, inDoubt: false });
    },
    due(nowMs, busy, first) {
      for (const candidate of byKey.values()) {
        if (candidate.dueAtMs > nowMs || busy.has(candidate.key)) continue;
        if (first === undefined || first(candidate.key)) named.push(candidate);
        else (candidate.inDoubt ? headsInDoubt : rest).push(candidate);
      }
      const keys: string[] = [];
      for (const group of groups) {
        group.sort(byHeadOrder);
        for (const candidate of group) keys.push(candidate.key);
        group.length = 0;
      }
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
