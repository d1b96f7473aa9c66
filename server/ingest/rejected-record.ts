import type { EmployeeRef } from '../../core/punch';
import type { PunchReason } from '../../core/punch-reason';
import { parseInstant, toWallTime } from '../../core/wall-time';
import type { KioskRecord, NewPunch } from '../ledger/ledger';

const MAX_KEPT_CHARS = 254;

function clip(value: string): string {
  return value.length > MAX_KEPT_CHARS ? `${value.slice(0, MAX_KEPT_CHARS - 1)}…` : value;
}

/**
 * What is kept of a punch that failed validation but carries a usable id, so an operator can see what the kiosk
 * sent. Fields are kept as sent where they are strings: the one identifier field when there is exactly one (even a
 * malformed value), the `at` text. Without a parsable `at` the punch sorts by arrival and has no wall time. Such a
 * record can never be retried (the retry re-validates it); an operator discards it.
 */
export function rejectedRecord(
  raw: Record<string, unknown>,
  id: string,
  kiosk: KioskRecord,
  reason: PunchReason,
  receivedAtMs: number,
): NewPunch {
  const at = typeof raw.at === 'string' ? clip(raw.at) : '';
  const atMs = parseInstant(at);
  return {
    kioskId: kiosk.id,
    id,
    employee: keptEmployee(raw.employee),
    employeeKey: null,
    at,
    atMs: atMs ?? receivedAtMs,
    timeZone: kiosk.timeZone,
    kenjoDateTime: atMs === null ? '' : toWallTime(atMs, kiosk.timeZone),
    status: 'rejected',
    reason,
    receivedAtMs,
  };
}

function keptEmployee(value: unknown): EmployeeRef {
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    const [first] = entries;
    if (entries.length === 1 && first && typeof first[1] === 'string') {
      const [field, text] = first;
      if (field === 'email') return { email: clip(text) };
      if (field === 'userId') return { userId: clip(text) };
      if (field === 'externalId') return { externalId: clip(text) };
    }
  }
  return { externalId: '' };
}
