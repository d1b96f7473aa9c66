/**
 * The overnight decision: should this punch go to Kenjo with `isOvernightShift: true`?
 *
 * Model of Kenjo (specs/kenjo-api.md): the entries dated day D are formed by sorting the day's punch times and
 * pairing them in order; an odd last one is an open entry. A punch sent with the flag, at 00:00:00–18:00:00
 * inclusive, while day D-1 has an open entry, closes that entry: it becomes that entry's end and the entry is
 * frozen, so neither its start (in D-1's pool) nor its end (in D's pool) takes part in pairing any more. A flagged
 * punch that finds nothing to close is an ordinary punch of its own day.
 *
 * `history` is the employee's punches already in Kenjo, in any order; they are replayed in order of `atMs`, the
 * order the proxy delivers them. The new punch is overnight iff its wall time is 00:00:00–18:00:00, D-1 has an open
 * entry (its start is D-1's latest pool time) and it comes at most `maxShiftHours` of real time after that start,
 * so a forgotten clock-out is never turned into a 30-hour shift. Real time, not wall time: a 22:00–06:00 night is
 * 7 h when the clocks spring forward and 9 h when they fall back.
 */
import { formatDuration, MS_PER_HOUR } from './duration';
import { addDays, formatWallClock, formatWallDay, wallDate, wallTimeOfDay } from './wall-time';

export interface DeliveredPunch {
  wallTime: string;
  atMs: number;
  isOvernightShift: boolean;
}

export interface OvernightDecision {
  isOvernightShift: boolean;
  reason: string;
}

/** The latest time of day (inclusive) at which Kenjo lets a punch close the previous day's entry. */
export const OVERNIGHT_LATEST_TIME_OF_DAY = '18:00:00';

interface PoolPunch {
  wallTime: string;
  atMs: number;
}

function canCloseOvernight(wallTime: string): boolean {
  return wallTimeOfDay(wallTime) <= OVERNIGHT_LATEST_TIME_OF_DAY;
}

/** The start of the day's open entry: the pool's latest wall time when the count is odd (ties: the later instant). */
function openEntryStart(pool: readonly PoolPunch[]): PoolPunch | null {
  if (pool.length % 2 === 0) return null;
  return pool.reduce((latest, p) =>
    p.wallTime > latest.wallTime || (p.wallTime === latest.wallTime && p.atMs > latest.atMs) ? p : latest,
  );
}

/** Each day's pairable punch times after Kenjo has applied the history in delivery order. */
function dayPools(history: readonly DeliveredPunch[]): Map<string, PoolPunch[]> {
  const pools = new Map<string, PoolPunch[]>();
  const poolOf = (day: string): PoolPunch[] => {
    const pool = pools.get(day) ?? [];
    pools.set(day, pool);
    return pool;
  };
  for (const punch of [...history].sort((a, b) => a.atMs - b.atMs)) {
    const day = wallDate(punch.wallTime);
    if (punch.isOvernightShift && canCloseOvernight(punch.wallTime)) {
      const previous = poolOf(addDays(day, -1));
      const start = openEntryStart(previous);
      if (start) {
        previous.splice(previous.indexOf(start), 1);
        continue;
      }
    }
    poolOf(day).push({ wallTime: punch.wallTime, atMs: punch.atMs });
  }
  return pools;
}

export function decideOvernight(
  history: readonly DeliveredPunch[],
  punch: { wallTime: string; atMs: number },
  maxShiftHours: number,
): OvernightDecision {
  if (!Number.isFinite(maxShiftHours) || maxShiftHours < 0) {
    throw new RangeError(`${maxShiftHours} is not a shift length in hours.`);
  }
  const ordinary = (reason: string): OvernightDecision => ({ isOvernightShift: false, reason });
  if (!canCloseOvernight(punch.wallTime)) return ordinary('after 18:00, so an ordinary punch');

  const previousDay = addDays(wallDate(punch.wallTime), -1);
  const day = formatWallDay(previousDay);
  const start = openEntryStart(dayPools(history).get(previousDay) ?? []);
  if (!start) return ordinary(`no open entry on ${day}`);

  const elapsedMs = punch.atMs - start.atMs;
  const clock = formatWallClock(start.wallTime);
  if (elapsedMs < 0) return ordinary(`the open entry of ${day} starts at ${clock}, after this punch`);
  const limitMs = maxShiftHours * MS_PER_HOUR;
  if (elapsedMs > limitMs) {
    return ordinary(
      `the open entry of ${day} started ${formatDuration(elapsedMs)} earlier, ` +
        `more than the ${formatDuration(limitMs)} limit`,
    );
  }
  return {
    isOvernightShift: true,
    reason: `closes the ${clock} entry of ${day} after ${formatDuration(elapsedMs)}`,
  };
}
