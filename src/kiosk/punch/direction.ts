/**
 * "In" or "out", as far as this device can tell, following Kenjo's pairing model (core/overnight): a day's punches
 * pair up in order, and a punch at 00:00–18:00 closes yesterday's open entry when it started at most
 * `MAX_SHIFT_HOURS` earlier. Only this kiosk's punches are known here, hence a guess.
 */
import { OVERNIGHT_LATEST_TIME_OF_DAY } from '../../../core/overnight';
import { kioskWallTime } from './wall-clock';

export type Direction = 'in' | 'out';

/** The proxy's default; the kiosk is not told the configured value and only uses it for this guess. */
const MAX_SHIFT_HOURS = 16;
const HOUR_MS = 3_600_000;

/** How far back `guessDirection` needs history: the start of yesterday, in any zone. */
export const DIRECTION_LOOKBACK_MS = 48 * HOUR_MS;

interface Dated {
  atMs: number;
  day: string;
  timeOfDay: string;
}

export function guessDirection(previousAtMs: readonly number[], atMs: number, timeZone: string): Direction {
  const dated = (ms: number): Dated => {
    const wall = kioskWallTime(ms, timeZone);
    return { atMs: ms, day: wall.slice(0, 10), timeOfDay: wall.slice(11) };
  };
  const now = dated(atMs);
  const earlier = previousAtMs
    .filter((ms) => ms <= atMs)
    .sort((a, b) => a - b)
    .map(dated);
  const today = earlier.filter((p) => p.day === now.day);
  const previousDay = new Date(Date.parse(`${now.day}T00:00:00Z`) - 24 * HOUR_MS).toISOString().slice(0, 10);
  const yesterday = earlier.filter((p) => p.day === previousDay);
  const closesNight = (punch: Dated): boolean => {
    const start = yesterday.at(-1);
    return (
      yesterday.length % 2 === 1 &&
      start !== undefined &&
      punch.timeOfDay <= OVERNIGHT_LATEST_TIME_OF_DAY &&
      punch.atMs - start.atMs <= MAX_SHIFT_HOURS * HOUR_MS
    );
  };
  const first = today[0] ?? now;
  if (closesNight(first)) {
    if (today.length === 0) return 'out';
    return (today.length - 1) % 2 === 0 ? 'in' : 'out';
  }
  return today.length % 2 === 0 ? 'in' : 'out';
}
