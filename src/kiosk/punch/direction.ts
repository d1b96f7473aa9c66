/**
 * "In" or "out", as far as this device can tell: the person's punches on this kiosk are replayed through Kenjo's
 * pairing model (core/overnight) and the new punch either closes yesterday's open night shift, closes today's
 * open entry (odd count), or opens a new one. Punches on other kiosks are not known here, hence a guess.
 */
import { decideOvernight, type DeliveredPunch } from '../../../core/overnight';
import { toWallTime, wallDate } from '../../../core/wall-time';

export type Direction = 'in' | 'out';

/** The proxy's default; the kiosk is not told the configured value and only uses it for this guess. */
const MAX_SHIFT_HOURS = 16;

export function guessDirection(previousAtMs: readonly number[], atMs: number, timeZone: string): Direction {
  const delivered: DeliveredPunch[] = [];
  for (const earlier of [...previousAtMs].filter((ms) => ms <= atMs).sort((a, b) => a - b)) {
    const wallTime = toWallTime(earlier, timeZone);
    const { isOvernightShift } = decideOvernight(delivered, { wallTime, atMs: earlier }, MAX_SHIFT_HOURS);
    delivered.push({ wallTime, atMs: earlier, isOvernightShift });
  }
  const wallTime = toWallTime(atMs, timeZone);
  if (decideOvernight(delivered, { wallTime, atMs }, MAX_SHIFT_HOURS).isOvernightShift) return 'out';
  const today = wallDate(wallTime);
  const openToday = delivered.filter((p) => wallDate(p.wallTime) === today && !p.isOvernightShift).length;
  return openToday % 2 === 0 ? 'in' : 'out';
}

/** How far back `guessDirection` needs history: the start of yesterday, in any zone. */
export const DIRECTION_LOOKBACK_MS = 48 * 3_600_000;
