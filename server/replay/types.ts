/**
 * What the replay engine needs from the rest of the proxy. It codes against these narrow views so that tests can
 * hand it a fake Kenjo, and so that a PostgreSQL ledger or another directory can stand in without changes here.
 */
import type { ReasonInput } from '../../core/punch-reason';
import type { EmployeeRef } from '../../core/punch';
import type { Reading } from '../kenjo/entry-readings';
import type { KenjoClient } from '../kenjo/types';
import type { AsyncLedger } from '../ledger/async-ledger';
import type {
  LedgerPunch,
  LedgerTransactions,
  PunchTransition,
  ReplayLeases,
  ReplayQueue,
} from '../ledger/ledger';

/**
 * The queue, the leases that give each employee to one instance, plus the look around a punch: its employee's
 * neighbours, and sent punches as read-back evidence.
 */
export type ReplayLedger = Pick<
  AsyncLedger,
  | keyof ReplayQueue
  | keyof LedgerTransactions
  | keyof ReplayLeases
  | 'extendKenjoPause'
  | 'kenjoPausedUntil'
  | 'kenjoPauseVersion'
  | 'punchesOfEmployeeBetween'
  | 'punchesOfEmployeesBetween'
  | 'listPunches'
>;

/** `stats` tells the loop when Kenjo answers again after an outage (the client's health owns that). */
export type ReplayKenjo = Pick<KenjoClient, 'trackTime' | 'listAttendances' | 'stats'>;

/**
 * How the directory answers for one identifier. `unknown` and `inactive` are final only when the directory is
 * fresh; a directory that cannot be sure answers `unavailable`, and the punch waits.
 */
export type EmployeeResolution =
  /** `displayName` goes back to the kiosk that sent the punch, in its answer. */
  | { kind: 'found'; userId: string; displayName?: string }
  | { kind: 'unknown'; reason: ReasonInput }
  | { kind: 'inactive'; reason: ReasonInput }
  | { kind: 'unavailable'; reason: ReasonInput };

export interface ReplayDirectory {
  resolve(ref: EmployeeRef): EmployeeResolution | Promise<EmployeeResolution>;
}

/** A pino-compatible logger; replay never hands it a credential. */
export interface ReplayLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** Everything one step of a chain needs; built once by `createReplay`. */
export interface StepContext {
  ledger: ReplayLedger;
  kenjo: ReplayKenjo;
  directory: ReplayDirectory;
  now: () => number;
  maxShiftHours: number;
  /** `DOUBLE_SCAN_WINDOW_S`: a punch resolved late is judged by the rule ingest could not apply to it. */
  doubleScanWindowS: number;
  backoff: BackoffPolicy;
  /** The least wait before reading back an ambiguous call, so that a request still in Kenjo's hands can land. */
  readBackDelayMs: number;
  /** From when on no call another instance started for the employee can still land (`EmployeeLeases`). */
  othersCallsEndedAtMs: (employeeKey: string) => number;
  random: () => number;
  logger: ReplayLogger;
  /** How Kenjo writes entry times, as far as earlier read-backs could tell (see `entry-readings.ts`). */
  readings: { learned: readonly Reading[] | null };
}

/**
 * What became of one step. `retry-later` carries a global pause when Kenjo named a wait (its limit is global);
 * `waiting` means the step changed nothing (directory unavailable, read-back failed, punch moved by someone else).
 */
export type StepResult =
  | { kind: 'sent' }
  | { kind: 'retry-later'; pauseAllUntilMs: number | null }
  | { kind: 'unknown' }
  | { kind: 'failed' }
  | { kind: 'resolved' }
  | { kind: 'waiting'; retryAtMs: number | null };

export type { LedgerPunch };

/** A state change of one punch as a step decided it, not yet written; `logReason` goes to its log line. */
export interface PlannedTransition {
  punch: LedgerPunch;
  change: PunchTransition & { logReason: string };
}

/** What an outside call answered, before it is recorded. */
export interface Answer {
  /** Records the outcome; runs inside the replay's next group commit. */
  record: () => Promise<StepResult>;
  /**
   * When recording is this one change and nothing else, with a result known already (Kenjo's answer to a send): the
   * group commit may then write it together with others' in one statement instead of calling `record`.
   */
  outcome?: { planned: PlannedTransition; result: StepResult };
  /** A 429's Retry-After, known as the answer arrives: no further call may start before the answer is recorded. */
  pauseAllUntilMs: number | null;
}

/**
 * A step after its synchronous start (reads, and the `sending` commit before a Kenjo call): either it ended there, or
 * it waits for one outside call (Kenjo, the directory). `call` never touches the ledger, so that the calls of many
 * steps can run between two commits; what it answers is recorded by the `Answer` it resolves to.
 */
export type BegunStep =
  | { kind: 'ended'; result: StepResult }
  | {
      kind: 'calling';
      call: () => Promise<Answer>;
      /** For a step that wrote `sending`: puts the punch back when its call is certainly never made. */
      release?: (why: string) => Promise<StepResult>;
    };
