/**
 * "In" or "out" for punches the console lists, as Kenjo will pair them (`core/attendance-day.ts`):
 * each listed employee's delivered-or-pending punches from two days before the earliest listed one are replayed.
 * A punch not in Kenjo's pairing (ignored, rejected, discarded, failed) or of an unresolved employee has none.
 */
import { inKenjoOrder } from './kenjo-order';
import { pairDays, PAIRING_HISTORY_MS, type Direction } from '../../core/attendance-day';
import type { LedgerPunch } from '../ledger/ledger';
import type { AdminLedger } from './admin-ledger';
import { PRESENT_STATUSES } from './who-is-in';

export const punchKey = (punch: Pick<LedgerPunch, 'kioskId' | 'id'>) => `${punch.kioskId}/${punch.id}`;

export async function punchDirections(
  ledger: Pick<AdminLedger, 'punchesOfEmployeeBetween'>,
  punches: readonly LedgerPunch[],
  maxShiftHours: number,
): Promise<Map<string, Direction>> {
  const present = new Set<string>(PRESENT_STATUSES);
  const spans = new Map<string, { fromMs: number; toMs: number }>();
  for (const punch of punches) {
    if (punch.employeeKey === null || !present.has(punch.status)) continue;
    const span = spans.get(punch.employeeKey);
    spans.set(punch.employeeKey, {
      fromMs: Math.min(span?.fromMs ?? punch.atMs, punch.atMs),
      toMs: Math.max(span?.toMs ?? punch.atMs, punch.atMs),
    });
  }
  const directions = new Map<string, Direction>();
  for (const [employeeKey, { fromMs, toMs }] of spans) {
    const history = inKenjoOrder(
      (await ledger.punchesOfEmployeeBetween(employeeKey, fromMs - PAIRING_HISTORY_MS, toMs)).filter((p) =>
        present.has(p.status),
      ),
    );
    for (const [entry, direction] of pairDays(history, maxShiftHours).directions) {
      directions.set(punchKey(entry.punch), direction);
    }
  }
  return directions;
}
