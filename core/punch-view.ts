/**
 * A stored punch as the admin API answers it and the console reads it (the punch list, the attention list, every
 * operator's action): the ledger's fields with instants as RFC 3339 and the employee labelled and named.
 */
import type { EmployeeRef } from './punch';
import type { CodedReason } from './punch-reason';
import type { PunchStatus } from './punch-status';

export interface PunchView {
  /** The ledger's insertion order; pages continue below it. */
  seq: number;
  kioskId: string;
  id: string;
  employee: EmployeeRef;
  /** `describeEmployee(employee)`: "badge B-1042". */
  employeeLabel: string;
  /** Kenjo's `_id` once the directory resolved the identifier. */
  employeeKey: string | null;
  /** The directory's display name, when it knows the employee. */
  employeeName: string | null;
  /** In the punch list: `in` or `out` as Kenjo pairs the punch, null when it takes no part in pairing. */
  direction?: 'in' | 'out' | null;
  at: string;
  /** Kenjo's wall-clock `dateTime` in the kiosk's zone. */
  kenjoDateTime: string;
  timeZone: string;
  status: PunchStatus;
  /** The English sentence; `reasonCode` says it as a code with parameters, for the console's languages. */
  reason: string | null;
  reasonCode: CodedReason | null;
  isOvernightShift: boolean | null;
  overnightReason: string | null;
  overnightReasonCode: CodedReason | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  receivedAt: string;
  deliveredAt: string | null;
}

/** A page of a newest-first listing; `nextCursor` (a `seq`) continues it, null on the last page. */
export interface PunchViewPage {
  punches: PunchView[];
  nextCursor: number | null;
}
