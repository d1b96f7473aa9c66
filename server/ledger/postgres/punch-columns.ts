import { toLedgerPunch, type PunchRow } from '../punch-row';
import type { LedgerPunch } from '../ledger';

/**
 * A `punches` row in the shape SQLite's ledger reads (`PunchRow`): the flag comes back as 0/1 so that one mapping,
 * `toLedgerPunch`, serves both databases.
 */
export function punchColumns(alias = ''): string {
  const p = alias === '' ? '' : `${alias}.`;
  return `${p}seq, ${p}kiosk_id, ${p}id, ${p}employee_kind, ${p}employee_value, ${p}employee_key, ${p}at, ${p}at_ms,
    ${p}time_zone, ${p}kenjo_date_time, ${p}status, ${p}reason, ${p}reason_code,
    ${p}is_overnight_shift::int AS is_overnight_shift, ${p}overnight_reason, ${p}overnight_reason_code, ${p}attempts, ${p}last_error, ${p}next_attempt_at_ms, ${p}received_at_ms,
    ${p}delivered_at_ms`;
}

export const PUNCH_COLUMNS = punchColumns();

export function toPunches(rows: PunchRow[]): LedgerPunch[] {
  return rows.map(toLedgerPunch);
}

export function firstPunch(rows: PunchRow[]): LedgerPunch | null {
  const row = rows[0];
  return row === undefined ? null : toLedgerPunch(row);
}
