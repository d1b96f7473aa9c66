import type { FastifyBaseLogger } from 'fastify';
import type { KioskRecord, NewPunch } from '../ledger/ledger';
import type { Services } from '../services';

/** One entry of the answer to `POST /api/v1/punches`, in the order the punches were sent. */
export interface IngestResult {
  /** The id as sent; null when the punch carried no string id at all. */
  id: string | null;
  status: 'accepted' | 'duplicate' | 'rejected';
  reason?: string;
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
 * double-scan check and the insert come after, in one synchronous stretch (see `commit-batch.ts`).
 */
export type PreparedPunch = { kind: 'answered'; result: IngestResult } | { kind: 'store'; record: NewPunch };

export interface BatchInput {
  kiosk: KioskRecord;
  receivedAtMs: number;
  punches: readonly unknown[];
}
