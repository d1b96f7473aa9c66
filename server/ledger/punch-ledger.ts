/**
 * The ledger's punches, by who needs them: ingest writes them, operators read them, the replay moves them along
 * their chain. Each part is one interface so that another store can implement (and be tested) part by part.
 */
import type {
  Backlog,
  ChainHeadAround,
  EmployeeRange,
  InsertResult,
  KioskSeen,
  LedgerPunch,
  LedgerStatus,
  NewPunch,
  PunchFilter,
  PunchChange,
  PunchPage,
  PunchTransition,
} from './punch-records';

/** What ingest writes and the checks it makes before writing. */
export interface PunchIntake {
  /**
   * One kiosk's batch in one transaction, so one commit: records when the kiosk was seen and its clock error (as
   * `reportKioskStatus` would; nothing when no kiosk has that id), then inserts every punch. A (kioskId, id) already
   * stored answers 'duplicate' and changes nothing; a punch that cannot be stored undoes the whole batch.
   */
  insertKioskBatch(seen: KioskSeen, punches: readonly NewPunch[]): InsertResult[];
  /** Which of `ids` this kiosk has already stored; one query for a whole batch. */
  storedPunchIds(kioskId: string, ids: readonly string[]): Set<string>;
  /**
   * `atMs` of each employee's non-ignored, non-rejected, non-discarded punches within the employee's range, keyed
   * by employeeKey (absent when there are none); one query for a whole batch. One range per employee.
   */
  punchTimesBetween(ranges: readonly EmployeeRange[]): Map<string, number[]>;
}

/** What operators (and the replay's look around a punch) read. */
export interface PunchQueries {
  getPunch(kioskId: string, id: string): LedgerPunch | null;
  /** Non-ignored, non-rejected, non-discarded punches of the employee with atMs in [fromMs, toMs]. */
  punchesOfEmployeeBetween(employeeKey: string, fromMs: number, toMs: number): LedgerPunch[];
  /**
   * `punchesOfEmployeeBetween` for each range (one per employee) in one read, only those in one of `statuses`; an
   * employee with none is absent.
   */
  punchesOfEmployeesBetween(
    ranges: readonly EmployeeRange[],
    statuses: readonly LedgerStatus[],
  ): Map<string, LedgerPunch[]>;
  listPunches(filter: PunchFilter): PunchPage;
  backlog(nowMs: number): Backlog;
  countByStatus(): Record<LedgerStatus, number>;
}

/** The replay's queue: one chain of unsettled punches per employee, in the order they happened. */
export interface ReplayQueue {
  /**
   * For each employee with unsettled punches (queued, sending, failed), the earliest of them by (atMs, seq) — the
   * head of its chain — when that head is queued or sending and due (nextAttemptAtMs null or ≤ nowMs) and its
   * employeeKey is not in `exclude`. A failed head holds its chain back. At most `limit`, oldest heads first.
   */
  dueChainHeads(nowMs: number, limit: number, exclude: ReadonlySet<string>): LedgerPunch[];
  /**
   * The head of one employee's chain: its earliest unsettled punch (queued, sending or failed) by (atMs, seq), due or
   * not; null when the chain is empty. One index seek, for the replay to follow a chain without `dueChainHeads`.
   */
  nextChainHead(employeeKey: string): LedgerPunch | null;
  /**
   * `nextChainHead` of several employees in one read (the replay asks it for every employee whose step a group commit
   * recorded); an employee whose chain is empty is absent from the map.
   */
  nextChainHeads(employeeKeys: readonly string[]): Map<string, LedgerPunch>;
  /**
   * `nextChainHeads`, each queued head with its neighbours: its employee's punches in `statuses` within `aroundMs`
   * of it, in order, as `punchesOfEmployeesBetween` reads them (what the replay looks at before a send). PostgreSQL
   * answers both in one round trip.
   */
  chainHeadsAround(
    employeeKeys: readonly string[],
    aroundMs: number,
    statuses: readonly LedgerStatus[],
  ): Map<string, ChainHeadAround>;
  /** Punches with a null employeeKey still waiting to be resolved (status queued). */
  unresolvedPunches(limit: number): LedgerPunch[];
  /** Applies the transition if the punch is in one of `from`; returns the updated punch or null. */
  transition(kioskId: string, id: string, change: PunchTransition): LedgerPunch | null;
  /**
   * `transition` of several punches at once, all or none: the answers in the order of `changes`. PostgreSQL writes
   * them in one statement, so a group commit of the replay pays one round trip for its punches, not one each.
   */
  transitions(changes: readonly PunchChange[]): (LedgerPunch | null)[];
  /**
   * A reading that changes whenever a commit of any instance sharing the ledger may have put a punch ahead of a chain
   * head: a new punch, one queued again from a settled state, one given its employee. Null when the ledger cannot
   * tell (then every head must be read again). Equal readings, taken before a head was read and later, mean that head
   * is still its chain's head.
   */
  punchesAheadVersion(): number | null;
}

/**
 * Forgetting settled punches after the retention period (a privacy choice: Kenjo holds the record). A store must
 * keep every other punch, every kiosk and the whole audit log, and must delete a punch only as a whole.
 */
export interface PunchRetention {
  /**
   * Deletes at most `limit` punches whose status is sent, ignored or discarded and whose punch time (`atMs`),
   * arrival (`receivedAtMs`) and delivery (`deliveredAtMs`, when set) all lie before `beforeMs`; one transaction.
   * Returns how many it deleted: fewer than `limit` means none is left. Queued, sending, failed and rejected punches
   * are never deleted, whatever their age.
   */
  deleteSettledPunches(beforeMs: number, limit: number): number;
}

/** Group commit across every part of the ledger. */
export interface LedgerTransactions {
  /**
   * Runs `work` as one transaction: every write inside it reaches the disk with one commit when `work` returns, or
   * none does when it throws. Inside it, writing methods and nested `atomically` calls become savepoints: one that
   * throws undoes only its own writes, and the caller may catch and go on.
   */
  atomically<T>(work: () => T): T;
  /**
   * Called inside `atomically`: waits until no other instance's transaction holds any of these employees, then holds
   * them until this transaction ends, so that instances judging the same employee's punches (double scans, the
   * overnight decision) take turns instead of racing. SQLite has one writer whose transactions already take turns,
   * so there it has nothing to do. The transaction's statements run in the order they are sent: those sent after
   * this call run once the employees are held, even when sent before it resolves (ingest sends its reads at once, so
   * that no round trip separates them from the lock). Its promise is awaited before the transaction commits.
   */
  lockEmployees(employeeKeys: readonly string[]): void;
  /**
   * Called inside `atomically`, after `lockEmployees`: holds these kiosks' rows until the transaction ends, taken in
   * one order. A group commit records each of its kiosks as seen; two instances' groups holding batches of the same
   * two kiosks in opposite orders would otherwise each hold one row and wait for the other's (a deadlock, which
   * PostgreSQL breaks by failing one of them). SQLite's one writer has nothing to do.
   */
  lockKiosks(kioskIds: readonly string[]): void;
  /**
   * Like `lockEmployees` for one employee, without waiting: false when another instance's transaction holds them.
   * Replay claims with it, so that it never waits for an ingest while holding other employees' punches (the two
   * would wait for each other); the chain is tried again a moment later.
   */
  tryLockEmployee(employeeKey: string): boolean;
  /** `tryLockEmployee` for several employees in one statement: the ones now held by this transaction. */
  tryLockEmployees(employeeKeys: readonly string[]): Set<string>;
}
