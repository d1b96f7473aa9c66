/** A ledger punch as the console shows it: instants as ISO strings, the employee labelled and named. */
import { describeEmployee, type EmployeeRef } from '../../core/punch';
import type { LedgerPunch, LedgerStatus } from '../ledger/ledger';
import { isoOrNull } from './admin-ledger';

export interface PunchView {
  seq: number;
  kioskId: string;
  id: string;
  employee: EmployeeRef;
  employeeLabel: string;
  employeeKey: string | null;
  employeeName: string | null;
  at: string;
  kenjoDateTime: string;
  timeZone: string;
  status: LedgerStatus;
  reason: string | null;
  isOvernightShift: boolean | null;
  overnightReason: string | null;
  attempts: number;
  lastError: string | null;
  receivedAt: string;
  deliveredAt: string | null;
}

export function toPunchView(punch: LedgerPunch, nameOf: (p: LedgerPunch) => string | null): PunchView {
  return {
    seq: punch.seq,
    kioskId: punch.kioskId,
    id: punch.id,
    employee: punch.employee,
    employeeLabel: describeEmployee(punch.employee),
    employeeKey: punch.employeeKey,
    employeeName: nameOf(punch),
    at: punch.at,
    kenjoDateTime: punch.kenjoDateTime,
    timeZone: punch.timeZone,
    status: punch.status,
    reason: punch.reason,
    isOvernightShift: punch.isOvernightShift,
    overnightReason: punch.overnightReason,
    attempts: punch.attempts,
    lastError: punch.lastError,
    receivedAt: new Date(punch.receivedAtMs).toISOString(),
    deliveredAt: isoOrNull(punch.deliveredAtMs),
  };
}
