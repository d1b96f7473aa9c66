/**
 * "In" or "out", as far as this device can tell, by Kenjo's pairing model (`core/attendance-day.ts`): the next punch
 * is "out" when it closes an open entry, today's or last night's. Only this kiosk's punches are known here, and
 * not the flags they were sent with (the rule decides them as they are replayed), hence a guess.
 */
import { presenceAt, type Direction } from '../../../core/attendance-day';
import { kioskWallTime } from './wall-clock';

export function guessDirection(
  previousAtMs: readonly number[],
  atMs: number,
  timeZone: string,
  maxShiftHours: number,
): Direction {
  const punch = (ms: number) => ({ wallTime: kioskWallTime(ms, timeZone), atMs: ms, isOvernightShift: null });
  const earlier = previousAtMs.filter((ms) => ms <= atMs).map(punch);
  return presenceAt(earlier, punch(atMs), maxShiftHours).in === null ? 'in' : 'out';
}
