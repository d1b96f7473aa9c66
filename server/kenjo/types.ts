/**
 * The public shapes of the Kenjo client. The replay engine, the directory cache and the health route code
 * against these; everything else in this folder is an implementation detail.
 */

import type { EmployeeRef } from '../../core/punch';

export type { EmployeeRef };

/** Records left out of a Kenjo list, by reason. */
export interface SkippedRecords {
  /** Which list, e.g. "employees". */
  list: string;
  /** Why, in a few words: "no identifier", "isActive unreadable". */
  reason: string;
  count: number;
}

/** A pino-compatible logger; the client never passes it the API key or a token. */
export interface KenjoLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface KenjoClientOptions {
  /** Ends in `/api/v1`, e.g. `https://api.kenjo.io/api/v1` or the simulator's `baseUrl`. */
  baseUrl: string;
  apiKey: string;
  /** Limit for each HTTP exchange (headers and body); a login before a call has its own limit. */
  timeoutMs?: number;
  logger?: KenjoLogger;
  /**
   * The first wait after a configuration problem (a refused key, no access, a wrong address), doubling up to
   * `maxMs` while it stays; defaults to 5 s and 5 min.
   */
  configurationRetry?: { baseMs: number; maxMs: number };
  /** Injected for tests of token expiry; defaults to `Date.now`. */
  now?: () => number;
}

export interface TrackTimeRequest {
  employee: EmployeeRef;
  /** Kenjo's wall-clock `YYYY-MM-DDThh:mm:ss`, no offset. */
  dateTime: string;
  isOvernightShift: boolean;
}

/**
 * What became of one track-time call.
 * - `applied`: Kenjo answered 2xx with its echo of the punch; the punch is stored.
 * - `rejected`: Kenjo refused this punch for a reason that retrying will not change (e.g. 400 unknown employee).
 * - `not-applied`: Kenjo certainly did not store it (refused before it was sent, 429, our own credentials or URL
 *   refused); send it again later, after `retryAfterMs` when Kenjo named a wait.
 * - `unknown`: Kenjo may or may not have stored it (timeout, connection lost after sending, 5xx, a 2xx that is not
 *   Kenjo's echo: `unexpected`); settle by reading the attendances back before sending it again, because Kenjo
 *   does not detect duplicates.
 */
export type TrackTimeOutcome =
  | { kind: 'applied' }
  | { kind: 'rejected'; status: number; message: string }
  | { kind: 'not-applied'; retryAfterMs: number | null; detail: string }
  | { kind: 'unknown'; detail: string; unexpected?: true };

/** The employee whose punches a read-back counts; email and externalId match entries that lack a userId. */
export interface ReadBackEmployee {
  userId: string;
  email?: string | null;
  externalId?: string | null;
}

export interface KenjoEmployee {
  userId: string;
  email: string | null;
  externalId: string | null;
  isActive: boolean;
  displayName: string;
}

/**
 * One attendance entry as Kenjo publishes it. Times are kept as Kenjo wrote them (`2026-02-04T06:00:00.000Z`):
 * whether that is the wall clock or a UTC instant, and whether seconds survive, is for `entry-readings.ts` to decide.
 */
export interface KenjoAttendance {
  id: string;
  userId: string | null;
  email: string | null;
  externalId: string | null;
  startTime: string;
  /** `null` while open; for an overnight entry, its end on the next day (or, as some Kenjo may write it, the start day). */
  endTime: string | null;
}

/** A listing of entries; records not in the published shape are skipped and counted, never fatal to the list. */
export interface AttendanceList {
  entries: KenjoAttendance[];
  skipped: number;
  firstProblem: string | null;
}

export interface KenjoClientStats {
  logins: number;
  trackTimeCalls: number;
  lastSuccessAtMs: number | null;
  lastError: string | null;
  lastErrorAtMs: number | null;
  /** The first failure since Kenjo last answered; null while it answers (how long it has been down). */
  unreachableSinceMs: number | null;
  /** When Kenjo last answered after failing, and for how long it had failed; null until it first recovers. */
  lastRecovery: { atMs: number; unreachableForMs: number } | null;
  /** What an operator must fix before anything can reach Kenjo (a wrong key, no access, a wrong base URL). */
  configurationProblems: string[];
  /** Records left out of the last employee lists, by reason. */
  skippedRecords: SkippedRecords[];
  /** Track-time answers with a 2xx status that were not Kenjo's echo of the punch (kept in doubt, not applied). */
  unexpectedAnswers: { count: number; last: string | null; atMs: number | null };
}

export interface KenjoClient {
  /** Never throws for HTTP or network trouble; every outcome has a name. */
  trackTime(request: TrackTimeRequest): Promise<TrackTimeOutcome>;
  /** Active and inactive employees. Throws `KenjoUnavailableError` (or `KenjoAuthError`). */
  listEmployees(): Promise<KenjoEmployee[]>;
  /**
   * Entries of `from`..`to` (`YYYY-MM-DD`, asked inclusive), every page of them; ranges over 31 days are fetched in
   * pieces. Throws `KenjoUnavailableError` when Kenjo gives no usable answer.
   */
  listAttendances(from: string, to: string): Promise<AttendanceList>;
  stats(): KenjoClientStats;
  /** Logs out; failures are ignored. */
  close(): Promise<void>;
}
