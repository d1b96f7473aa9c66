import type { LedgerPunch, LedgerStatus } from '../ledger/ledger';

/** The protocol's four states a kiosk sees; the ledger's finer ones fold into them. */
export type KioskPunchStatus = 'queued' | 'sent' | 'ignored' | 'failed';

const KIOSK_STATUS: Record<LedgerStatus, KioskPunchStatus> = {
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  ignored: 'ignored',
  discarded: 'ignored',
  rejected: 'failed',
  failed: 'failed',
};

/**
 * `GET /api/v1/punches/{id}`'s body. A punch still waiting names its last trouble, if any, as the reason. A sent
 * punch names none: Kenjo has it, and why it was held on the way (an operator confirmed it) is the console's history.
 */
export function kioskPunchView(punch: LedgerPunch) {
  const status = KIOSK_STATUS[punch.status];
  const reason = status === 'queued' ? punch.lastError : status === 'sent' ? null : punch.reason;
  return {
    id: punch.id,
    status,
    kenjoDateTime: punch.kenjoDateTime,
    isOvernightShift: punch.isOvernightShift ?? false,
    ...(reason === null ? {} : { reason }),
  };
}
