/**
 * Time worked today as this device saw it: the person's punches paired in order by Kenjo's pairing model
 * (`pairDays`, as the in/out guess pairs them), and every in→out pair that ends today counts. Only this kiosk's
 * punches are known, so it is shown as this kiosk's view, and not at all when no pair has closed today yet.
 */
import { pairDays } from '../../../core/attendance-day';
import { kioskWallTime } from './wall-clock';

export function workedTodayMs(
  previousAtMs: readonly number[],
  atMs: number,
  timeZone: string,
  maxShiftHours: number,
): number | null {
  const punches = [...previousAtMs.filter((ms) => ms < atMs), atMs]
    .sort((a, b) => a - b)
    .map((ms) => ({ wallTime: kioskWallTime(ms, timeZone), atMs: ms, isOvernightShift: null }));
  const { directions } = pairDays(punches, maxShiftHours);
  const today = kioskWallTime(atMs, timeZone).slice(0, 10);
  let openAtMs: number | null = null;
  let workedMs = 0;
  let closed = false;
  for (const punch of punches) {
    if (directions.get(punch) === 'in') {
      openAtMs = punch.atMs;
      continue;
    }
    if (openAtMs !== null && punch.wallTime.startsWith(today)) {
      workedMs += punch.atMs - openAtMs;
      closed = true;
    }
    openAtMs = null;
  }
  return closed ? workedMs : null;
}
