import type { EmployeeRef } from '../../core/punch';
import type { CodedReason, ReasonInput } from '../../core/punch-reason';
import type { PunchStatus } from '../../core/punch-status';

export type LedgerStatus = PunchStatus;

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
  /** The reason's code and parameters, for a page to say it in its language; null for an operator's own words. */
  reasonCode: CodedReason | null;
  /** Decided just before the first Kenjo call, stored with its reason; null before. */
  isOvernightShift: boolean | null;
  overnightReason: string | null;
  overnightReasonCode: CodedReason | null;
  attempts: number;
  lastError: string | null;
  /** Replay does not touch the punch before this instant (backoff, Retry-After). */
  nextAttemptAtMs: number | null;
  receivedAtMs: number;
  deliveredAtMs: number | null;
}

/** A punch as ingest stores it: the ledger's own fields (seq, attempts, the overnight decision…) come later. */
export type NewPunch = Pick<
  LedgerPunch,
  | 'kioskId'
  | 'id'
  | 'employee'
  | 'employeeKey'
  | 'at'
  | 'atMs'
  | 'timeZone'
  | 'kenjoDateTime'
  | 'receivedAtMs'
> & {
  /** Stored as its sentence and, when it has one, its code. */
  reason: ReasonInput | null;
  /** `failed` only for a punch held for an operator at arrival (older than MAX_PUNCH_AGE_DAYS). */
  status: 'queued' | 'ignored' | 'rejected' | 'failed';
};

export type InsertResult = 'inserted' | 'duplicate';

/** What a batch of punches tells about its kiosk: when it was seen, and its clock minus the server's. */
export interface KioskSeen {
  kioskId: string;
  clockErrorMs: number;
  lastSeenAtMs: number;
}

/** A chain head as the replay looks at it before a step: with its neighbours when it is queued (else null). */
export interface ChainHeadAround {
  head: LedgerPunch;
  near: LedgerPunch[] | null;
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
  /** Matches when employeeKey or the identifier as sent is any of these, exactly (a search by name). */
  employees?: readonly string[];
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
  /** Sets the sentence and the code together: a plain string (an operator's words) clears the code. */
  reason?: ReasonInput | null;
  employeeKey?: string | null;
  employee?: EmployeeRef;
  isOvernightShift?: boolean | null;
  overnightReason?: ReasonInput | null;
  incrementAttempts?: boolean;
  lastError?: string | null;
  nextAttemptAtMs?: number | null;
  deliveredAtMs?: number | null;
  /**
   * Applies only while the punch is still at this many attempts. Attempts only grow (each `sending` claim adds one),
   * so a replay recording the outcome of its own claim cannot overwrite a later claim of the same punch made by
   * another instance that took the employee over meanwhile.
   */
  whileAttempts?: number;
  /**
   * The punch's `seq`, when the caller has it at hand: the change then finds the punch by it (PostgreSQL's primary
   * key). It must be the seq of the punch named by kiosk and id; with any other, nothing changes.
   */
  seq?: number;
}

/** One punch's `transition`, named by its kiosk, id and seq, as `transitions` takes several (each punch once). */
export interface PunchChange {
  kioskId: string;
  id: string;
  change: PunchTransition & { seq: number };
}

/** What the console's status page counts. */
export interface Backlog {
  waiting: number;
  oldestReceivedAtMs: number | null;
  failed: number;
}
