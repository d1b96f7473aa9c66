import type { EmployeeRef } from '../../core/punch';

/**
 * The proxy's durable store, as the rest of the server sees it. The SQLite implementation lives beside this file;
 * a PostgreSQL one can stand next to it without touching ingest or replay. Every method that writes is atomic:
 * when it returns, the change is on disk (WAL, synchronous=FULL); called inside `atomically`, it is on disk when the
 * outermost `atomically` returns.
 */

/** Where a punch is in its life. `sending` is committed before the Kenjo call, so a crash leaves a trace. */
export type LedgerStatus = 'queued' | 'sending' | 'sent' | 'ignored' | 'rejected' | 'failed' | 'discarded';

export interface LedgerPunch {
  /** Insertion order in the ledger; stable, unique. */
  seq: number;
  kioskId: string;
  /** The kiosk's UUID for the punch; unique per kiosk. */
  id: string;
  employee: EmployeeRef;
  /** Kenjo's employee `_id` once the directory resolved the identifier; null until then. */
  employeeKey: string | null;
  at: string;
  atMs: number;
  timeZone: string;
  /** Kenjo's wall-clock `dateTime` in the kiosk's zone. */
  kenjoDateTime: string;
  status: LedgerStatus;
  /** Why it is ignored, rejected, failed or discarded; null otherwise. */
  reason: string | null;
  /** Decided just before the first Kenjo call, stored with its reason; null before. */
  isOvernightShift: boolean | null;
  overnightReason: string | null;
  attempts: number;
  lastError: string | null;
  /** Replay does not touch the punch before this instant (backoff, Retry-After). */
  nextAttemptAtMs: number | null;
  receivedAtMs: number;
  deliveredAtMs: number | null;
}

export interface NewPunch {
  kioskId: string;
  id: string;
  employee: EmployeeRef;
  employeeKey: string | null;
  at: string;
  atMs: number;
  timeZone: string;
  kenjoDateTime: string;
  /** `failed` only for a punch held for an operator at arrival (older than MAX_PUNCH_AGE_DAYS). */
  status: 'queued' | 'ignored' | 'rejected' | 'failed';
  reason: string | null;
  receivedAtMs: number;
}

export type InsertResult = 'inserted' | 'duplicate';

/** What a batch of punches tells about its kiosk: when it was seen, and its clock minus the server's. */
export interface KioskSeen {
  kioskId: string;
  clockErrorMs: number;
  lastSeenAtMs: number;
}

/** One employee's instants of interest, both ends included. */
export interface EmployeeRange {
  employeeKey: string;
  fromMs: number;
  toMs: number;
}

export interface PunchFilter {
  /** Any of these statuses; an empty list filters nothing. */
  status?: LedgerStatus[];
  kioskId?: string;
  employeeKey?: string;
  /** Matches employeeKey, or the identifier as sent (badge, email, user id), exactly. */
  employee?: string;
  fromMs?: number;
  toMs?: number;
  /** Page size; at most 500. */
  limit: number;
  /** The `seq` after which to continue (pages go newest first: seq < cursor). */
  cursor?: number;
}

export interface PunchPage {
  punches: LedgerPunch[];
  nextCursor: number | null;
}

/**
 * A change of a punch's state, applied only if the punch is still in `from` (guards against a racing writer).
 * Fields left out keep their stored value; a field given as null is set to null.
 */
export interface PunchTransition {
  from: LedgerStatus[];
  to: LedgerStatus;
  reason?: string | null;
  employeeKey?: string | null;
  employee?: EmployeeRef;
  isOvernightShift?: boolean | null;
  overnightReason?: string | null;
  incrementAttempts?: boolean;
  lastError?: string | null;
  nextAttemptAtMs?: number | null;
  deliveredAtMs?: number | null;
}

export interface KioskRecord {
  id: string;
  name: string;
  timeZone: string;
  createdAtMs: number;
  revokedAtMs: number | null;
  lastSeenAtMs: number | null;
  /** Kiosk clock minus server clock, measured from `sentAt` of the last batch. */
  clockErrorMs: number | null;
  pendingOnDevice: number | null;
  appVersion: string | null;
  storagePersisted: boolean | null;
  lastSyncAtMs: number | null;
}

export interface KioskStatusReport {
  pendingOnDevice?: number;
  appVersion?: string;
  storagePersisted?: boolean | null;
  lastSyncAtMs?: number | null;
  clockErrorMs?: number;
  lastSeenAtMs?: number;
}

export interface DirectoryEmployee {
  userId: string;
  email: string | null;
  externalId: string | null;
  isActive: boolean;
  displayName: string;
}

export interface AuditEntry {
  atMs: number;
  actor: string;
  action: string;
  target: string;
  reason: string | null;
  detail: Record<string, unknown>;
}

export interface Ledger {
  // Punches: ingest
  /** Inserts every punch in one transaction; a (kioskId, id) already stored answers 'duplicate' and changes nothing. */
  insertPunches(punches: readonly NewPunch[]): InsertResult[];
  /**
   * One kiosk's batch in one transaction, so one commit: records when the kiosk was seen and its clock error (as
   * `reportKioskStatus` would), then inserts the punches as `insertPunches` does.
   */
  insertKioskBatch(seen: KioskSeen, punches: readonly NewPunch[]): InsertResult[];
  getPunch(kioskId: string, id: string): LedgerPunch | null;
  /** Which of `ids` this kiosk has already stored; one query for a whole batch. */
  storedPunchIds(kioskId: string, ids: readonly string[]): Set<string>;
  /**
   * `atMs` of each employee's non-ignored, non-rejected, non-discarded punches within the employee's range, keyed
   * by employeeKey (absent when there are none); one query for a whole batch. One range per employee.
   */
  punchTimesBetween(ranges: readonly EmployeeRange[]): Map<string, number[]>;
  /** Non-ignored, non-rejected, non-discarded punches of the employee with atMs in [fromMs, toMs]. */
  punchesOfEmployeeBetween(employeeKey: string, fromMs: number, toMs: number): LedgerPunch[];
  listPunches(filter: PunchFilter): PunchPage;

  // Punches: replay
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
  /** Punches with a null employeeKey still waiting to be resolved (status queued). */
  unresolvedPunches(limit: number): LedgerPunch[];
  /** The employee's sent punches with atMs ≥ sinceMs, for the overnight decision. */
  deliveredHistory(employeeKey: string, sinceMs: number): LedgerPunch[];
  /** Sent punches of the employee whose kenjoDateTime equals dateTime (to read back an ambiguous call). */
  countSentAt(employeeKey: string, kenjoDateTime: string): number;
  /** Applies the transition if the punch is in one of `from`; returns the updated punch or null. */
  transition(kioskId: string, id: string, change: PunchTransition): LedgerPunch | null;
  /** Every punch left `sending` (after a crash these must be read back before any resend). */
  punchesInState(status: LedgerStatus, limit: number): LedgerPunch[];
  backlog(nowMs: number): { waiting: number; oldestReceivedAtMs: number | null; failed: number };
  /**
   * Runs `work` as one transaction (group commit): every write inside it reaches the disk with one commit when
   * `work` returns, or none does when it throws. Inside it, writing methods and nested `atomically` calls become
   * savepoints: one that throws undoes only its own writes, and the caller may catch and go on.
   */
  atomically<T>(work: () => T): T;
  countByStatus(): Record<LedgerStatus, number>;

  // Kiosks
  insertKiosk(kiosk: KioskRecord, tokenHash: string): void;
  getKiosk(id: string): KioskRecord | null;
  /** Only kiosks that are not revoked. */
  findKioskByTokenHash(tokenHash: string): KioskRecord | null;
  listKiosks(): KioskRecord[];
  updateKiosk(id: string, patch: { name?: string; timeZone?: string }): KioskRecord | null;
  revokeKiosk(id: string, atMs: number): KioskRecord | null;
  /** Replaces the kiosk's token (re-pairing); the old one stops working at once. */
  replaceKioskToken(id: string, tokenHash: string): void;
  reportKioskStatus(id: string, report: KioskStatusReport): void;

  // Pairing codes: short, single-use, expiring; stored only as their hash, the caller hashes
  /** Stores a new code for the kiosk and voids every earlier unused one of that kiosk, atomically. */
  insertPairingCode(codeHash: string, kioskId: string, expiresAtMs: number): void;
  /**
   * Marks the code used and returns its kiosk when it exists, is unused and not expired, voiding the kiosk's
   * other unused codes; atomically.
   */
  consumePairingCode(codeHash: string, nowMs: number): string | null;

  // Employee directory cache (survives restarts)
  saveDirectory(employees: readonly DirectoryEmployee[], fetchedAtMs: number): void;
  loadDirectory(): { employees: DirectoryEmployee[]; fetchedAtMs: number } | null;

  // Audit log of operators' actions
  appendAudit(entry: AuditEntry): void;
  listAudit(limit: number, beforeMs?: number): AuditEntry[];

  /** Key/value settings that must survive restarts (e.g. the directory hash salt). */
  getSetting(key: string): string | null;
  setSetting(key: string, value: string): void;

  close(): void;
}
