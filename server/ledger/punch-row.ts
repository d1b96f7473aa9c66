import { employeeIdentifier, employeeRefOf, type EmployeeIdField, type EmployeeRef } from '../../core/punch';
import { codedReason, parseCodedReason, reasonText, type ReasonInput } from '../../core/punch-reason';
import { PUNCH_STATUSES } from '../../core/punch-status';
import type { Backlog, LedgerPunch, LedgerStatus } from './punch-records';

/** A `punches` row as SQLite returns it. The employee is stored as which identifier (`kind`) plus its value. */
export interface PunchRow {
  seq: number;
  kiosk_id: string;
  id: string;
  employee_kind: EmployeeIdField;
  employee_value: string;
  employee_key: string | null;
  at: string;
  at_ms: number;
  time_zone: string;
  kenjo_date_time: string;
  status: LedgerStatus;
  reason: string | null;
  reason_code: string | null;
  is_overnight_shift: 0 | 1 | null;
  overnight_reason: string | null;
  overnight_reason_code: string | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at_ms: number | null;
  received_at_ms: number;
  delivered_at_ms: number | null;
}

export function employeeColumns(ref: EmployeeRef): { kind: PunchRow['employee_kind']; value: string } {
  const { field, value } = employeeIdentifier(ref);
  return { kind: field, value };
}

export function toLedgerPunch(row: PunchRow): LedgerPunch {
  return {
    seq: row.seq,
    kioskId: row.kiosk_id,
    id: row.id,
    employee: employeeRefOf(row.employee_kind, row.employee_value),
    employeeKey: row.employee_key,
    at: row.at,
    atMs: row.at_ms,
    timeZone: row.time_zone,
    kenjoDateTime: row.kenjo_date_time,
    status: row.status,
    reason: row.reason,
    reasonCode: parseCodedReason(row.reason_code),
    isOvernightShift: row.is_overnight_shift === null ? null : row.is_overnight_shift === 1,
    overnightReason: row.overnight_reason,
    overnightReasonCode: parseCodedReason(row.overnight_reason_code),
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAtMs: row.next_attempt_at_ms,
    receivedAtMs: row.received_at_ms,
    deliveredAtMs: row.delivered_at_ms,
  };
}

/** SQLite booleans are 0/1; null stays null. */
export function toFlag(value: boolean | null): 0 | 1 | null {
  return value === null ? null : value ? 1 : 0;
}

/** A reason as its two columns: the sentence, and the code with its parameters as JSON (null for plain words). */
export function reasonColumns(reason: ReasonInput | null): { text: string | null; code: string | null } {
  const coded = codedReason(reason);
  return {
    text: reason === null ? null : reasonText(reason),
    code: coded === null ? null : JSON.stringify(coded),
  };
}

/** The backlog query's one row (both ledgers ask the same three numbers). */
export interface BacklogRow {
  waiting: number;
  oldest: number | null;
  failed: number;
}

export function toBacklog(row: BacklogRow | undefined): Backlog {
  return { waiting: row?.waiting ?? 0, oldestReceivedAtMs: row?.oldest ?? null, failed: row?.failed ?? 0 };
}

/** Every status with its count, zero for those the `GROUP BY status` query has no row for. */
export function statusCounts(
  rows: Iterable<{ status: LedgerStatus; n: number }>,
): Record<LedgerStatus, number> {
  const counts = Object.fromEntries(PUNCH_STATUSES.map((status) => [status, 0])) as Record<
    LedgerStatus,
    number
  >;
  for (const { status, n } of rows) counts[status] = n;
  return counts;
}
