import type { FastifyBaseLogger } from 'fastify';
import type { KioskRecord, NewPunch } from '../ledger/ledger';
import type { Services } from '../services';

/** One entry of the answer to `POST /api/v1/punches`, in the order the punches were sent. */
export interface IngestResult {
  /** The id as sent; null when the punch carried no string id at all. */
  id: string | null;
  status: 'accepted' | 'duplicate' | 'rejected';
  reason?: string;
  /** Why, for the kiosk to say in its own language; `reason` stays the operator's sentence. */
  code?: RejectCode;
  params?: Record<string, string | number>;
  /**
   * The employee's name, on a punch that was not rejected: the only way a kiosk learns a name (its offline copy
   * of the directory has none), so it can greet the person by name when they punch there again offline.
   */
  name?: string;
}

/** The refusals a kiosk explains to the person who punched. */
export type RejectCode = 'unknown-employee' | 'inactive-employee' | 'clock-ahead' | 'invalid-punch';

export interface RejectAnswer {
  code: RejectCode;
  params?: Record<string, string | number>;
}

export interface IngestContext {
  ledger: Services['ledger'];
  directory: Services['directory'];
  now: () => number;
  logger: FastifyBaseLogger;
  doubleScanWindowS: number;
  maxClockSkewS: number;
  /** A punch older than this many days when it arrives is stored `failed`, for an operator to send or discard. */
  maxPunchAgeDays: number;
}

/**
 * A punch after the checks that may wait (the directory): either answered already, or a record to store. The
 * double-scan check and the insert come after, in one transaction (see `commit-batch.ts`).
 */
export type PreparedPunch =
  | { kind: 'answered'; result: IngestResult }
  | { kind: 'store'; record: NewPunch; answer?: RejectAnswer; name?: string };

export interface BatchInput {
  kiosk: KioskRecord;
  receivedAtMs: number;
  punches: readonly unknown[];
}

/**
 * A later punch this batch was to displace left `queued` meanwhile: the replay of another connection (another
 * instance) claimed it for Kenjo between the batch's read and its write. The batch is decided again from the
 * ledger as it is now, where that punch has gone to Kenjo and so keeps its place.
 */
export class DisplacedPunchMovedError extends Error {
  constructor() {
    super('a punch to be displaced as a double scan was claimed for Kenjo meanwhile');
    this.name = 'DisplacedPunchMovedError';
  }
}
