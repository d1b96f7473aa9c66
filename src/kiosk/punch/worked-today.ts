/**
 * Time worked today as this device saw it: the person's punches are paired in order the way the in/out guess pairs
 * them (`guessDirection`), and every in→out pair that ends today counts. Only this kiosk's punches are known, so
 * it is shown as this kiosk's view, and not at all when no pair has closed today yet.
 */
import { guessDirection } from './direction';
import { kioskWallTime } from './wall-clock';

export function workedTodayMs(
  previousAtMs: readonly number[],
  atMs: number,
  timeZone: string,
  maxShiftHours: number,
): number | null {
  const punches = [...previousAtMs.filter((ms) => ms < atMs), atMs].sort((a, b) => a - b);
  const today = kioskWallTime(atMs, timeZone).slice(0, 10);
  let openAtMs: number | null = null;
  let workedMs = 0;
  let closed = false;
  punches.forEach((ms, index) => {
    if (guessDirection(punches.slice(0, index), ms, timeZone, maxShiftHours) === 'in') {
      openAtMs = ms;
      return;
    }
    if (openAtMs !== null && kioskWallTime(ms, timeZone).startsWith(today)) {
      workedMs += ms - openAtMs;
      closed = true;
    }
    openAtMs = null;
  });
  return closed ? workedMs : null;
}
