/** A ledger punch as every admin endpoint answers it (see `core/punch-view.ts`). */
import { describeEmployee } from '../../core/punch';
import type { PunchView } from '../../core/punch-view';
import type { LedgerPunch } from '../ledger/ledger';
import { isoOrNull } from './admin-ledger';

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
    reasonCode: punch.reasonCode,
    isOvernightShift: punch.isOvernightShift,
    overnightReason: punch.overnightReason,
    overnightReasonCode: punch.overnightReasonCode,
    attempts: punch.attempts,
    lastError: punch.lastError,
    nextAttemptAt: isoOrNull(punch.nextAttemptAtMs),
    receivedAt: new Date(punch.receivedAtMs).toISOString(),
    deliveredAt: isoOrNull(punch.deliveredAtMs),
  };
}
