import type Database from 'better-sqlite3';
import type { LedgerTransactions, ReplayQueue } from './punch-ledger';
import type { LedgerPunch } from './punch-records';
import type { ReplayLeases } from './replay-leases';
import { toLedgerPunch, type PunchRow } from './punch-row';

type ReplayBatch = Pick<ReplayQueue, 'nextChainHead' | 'nextChainHeads'> & LedgerTransactions & ReplayLeases;

/**
 * One employee's chain head, by one seek into the `punches_unsettled` partial index (pinned for the same reason as in
 * `DUE_CHAIN_HEADS_SQL`: without statistics the planner may prefer another index). The replay asks this for the
 * employees whose step just ended instead of walking every employee's chain again.
 */
export const NEXT_CHAIN_HEAD_SQL = `
  SELECT * FROM punches INDEXED BY punches_unsettled
   WHERE employee_key = ? AND status IN ('queued', 'sending', 'failed')
   ORDER BY at_ms, seq LIMIT 1`;

/** What the replay's group commits need beyond single changes. */
export function createReplayBatchStore(db: Database.Database): ReplayBatch {
  const nextHead = db.prepare<[string], PunchRow>(NEXT_CHAIN_HEAD_SQL);
  // One transaction function for every call: better-sqlite3 decides between BEGIN and SAVEPOINT when it is called,
  // so it need not be built anew for each piece of work (the replay runs several per punch).
  const inTransaction = db.transaction((work: () => unknown) => work());
  return {
    nextChainHead(employeeKey) {
      const row = nextHead.get(employeeKey);
      return row === undefined ? null : toLedgerPunch(row);
    },
    // In the same process each seek costs no round trip: one statement per employee is the cheapest read here.
    nextChainHeads(employeeKeys) {
      const heads = new Map<string, LedgerPunch>();
      for (const key of employeeKeys) {
        const row = nextHead.get(key);
        if (row !== undefined) heads.set(key, toLedgerPunch(row));
      }
      return heads;
    },
    // IMMEDIATE takes the write lock up front, so a second connection cannot make the commit fail half-way. Called
    // inside an open transaction, better-sqlite3 turns this (and every write method's own transaction) into a
    // savepoint, which is what lets one failing change inside a group commit be undone alone.
    atomically: <T>(work: () => T): T => inTransaction.immediate(work) as T,
    // One writer: an IMMEDIATE transaction already excludes every other one.
    lockEmployees: () => undefined,
    lockKiosks: () => undefined,
    tryLockEmployee: () => true,
    tryLockEmployees: (employeeKeys) => new Set(employeeKeys),
    // One process owns the SQLite file, so every employee is its own.
    claimEmployees: (_owner, employeeKeys) => new Set(employeeKeys),
    releaseEmployees: () => undefined,
    claimsShared: () => false,
  };
}
