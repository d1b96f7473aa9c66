/**
 * Kenjo's pairing model (specs/kenjo-api.md), once, for everyone who needs it: the replay's overnight decision, the
 * console's "who is in" and the kiosk's in/out guess.
 *
 * The entries dated day D are formed by sorting the day's punch times and pairing them in order; an odd last one is
 * an open entry, and its start is the day's latest time (ties: the later instant). A punch sent with the overnight
 * flag, at 00:00:00–18:00:00 inclusive, while day D-1 has an open entry, closes that entry: it becomes that entry's
 * end and the entry is frozen, so neither its start (in D-1's pool) nor its end (in D's pool) pairs any more. A
 * flagged punch that finds nothing to close is an ordinary punch of its own day. The proxy sends the flag exactly
 * when the punch can close D-1's open entry and comes at most `maxShiftHours` of real time after its start (a
 * forgotten clock-out never becomes a 30-hour shift; real time: a 22:00–06:00 night is 7 h when clocks spring
 * forward). No date library here: the kiosk imports this module.
 */
import { addDays, wallDate, wallTimeOfDay } from './calendar';
import { MS_PER_HOUR } from './duration';

/** The latest time of day (inclusive) at which Kenjo lets a punch close the previous day's entry. */
export const OVERNIGHT_LATEST_TIME_OF_DAY = '18:00:00';
/** The proxy's `MAX_SHIFT_HOURS` unless configured; the kiosk's until it has read its configuration. */
export const DEFAULT_MAX_SHIFT_HOURS = 16;

/** A punch as the model sees it. `isOvernightShift` as sent to Kenjo; null: not sent yet, the rule decides it. */
export interface AttendancePunch {
  wallTime: string;
  atMs: number;
  isOvernightShift: boolean | null;
}

/** Each day's punches that still pair (`YYYY-MM-DD` → pool), after Kenjo applied them in order of their instant. */
export type AttendanceDays<T extends AttendancePunch> = Map<string, T[]>;

/** Whether a punch at this wall time may close the previous day's entry at all. */
export function canCloseOvernight(wallTime: string): boolean {
  return wallTimeOfDay(wallTime) <= OVERNIGHT_LATEST_TIME_OF_DAY;
}

/** The start of a pool's open entry: its latest wall time when the count is odd (ties: the later instant). */
export function openEntryStart<T extends AttendancePunch>(pool: readonly T[]): T | null {
  if (pool.length % 2 === 0) return null;
  return pool.reduce((latest, p) =>
    p.wallTime > latest.wallTime || (p.wallTime === latest.wallTime && p.atMs > latest.atMs) ? p : latest,
  );
}

/** What a punch at this instant would make of the previous day's open entry. */
export type OvernightClose<T extends AttendancePunch = AttendancePunch> =
  | { kind: 'closes'; start: T; elapsedMs: number }
  | { kind: 'after-latest-time' }
  | { kind: 'no-open-entry'; day: string }
  | { kind: 'starts-after'; start: T }
  | { kind: 'too-long'; start: T; elapsedMs: number; limitMs: number };

export function overnightClose<T extends AttendancePunch>(
  days: AttendanceDays<T>,
  punch: { wallTime: string; atMs: number },
  maxShiftHours: number,
): OvernightClose<T> {
  if (!Number.isFinite(maxShiftHours) || maxShiftHours < 0) {
    throw new RangeError(`${maxShiftHours} is not a shift length in hours.`);
  }
  if (!canCloseOvernight(punch.wallTime)) return { kind: 'after-latest-time' };
  const day = addDays(wallDate(punch.wallTime), -1);
  const start = openEntryStart(days.get(day) ?? []);
  if (!start) return { kind: 'no-open-entry', day };
  const elapsedMs = punch.atMs - start.atMs;
  if (elapsedMs < 0) return { kind: 'starts-after', start };
  const limitMs = maxShiftHours * MS_PER_HOUR;
  if (elapsedMs > limitMs) return { kind: 'too-long', start, elapsedMs, limitMs };
  return { kind: 'closes', start, elapsedMs };
}

/** Whether a punch opened an entry or closed one (its day's, or last night's), as Kenjo paired it. */
export type Direction = 'in' | 'out';

/**
 * How far back in real time the punches that decide a punch's pairing can lie: back to the start of the previous
 * calendar day, in any zone. A read of history for `pairDays`, `presenceAt` or the overnight rule reaches this far.
 */
export const PAIRING_HISTORY_MS = 48 * 60 * 60 * 1000;

/**
 * Applies the punches in order of their instant (a stable sort: ties keep the given order). A punch not sent yet
 * gets the flag the rule gives it at its turn. Returns the day pools, each punch's flag and its direction.
 */
export function pairDays<T extends AttendancePunch>(
  punches: readonly T[],
  maxShiftHours: number,
): { days: AttendanceDays<T>; flags: Map<T, boolean>; directions: Map<T, Direction> } {
  const days: AttendanceDays<T> = new Map();
  const flags = new Map<T, boolean>();
  const directions = new Map<T, Direction>();
  const poolOf = (day: string): T[] => {
    const pool = days.get(day) ?? [];
    days.set(day, pool);
    return pool;
  };
  for (const punch of [...punches].sort((a, b) => a.atMs - b.atMs)) {
    const flag = punch.isOvernightShift ?? overnightClose(days, punch, maxShiftHours).kind === 'closes';
    flags.set(punch, flag);
    const previous = poolOf(addDays(wallDate(punch.wallTime), -1));
    const start = flag && canCloseOvernight(punch.wallTime) ? openEntryStart(previous) : null;
    if (start) {
      previous.splice(previous.indexOf(start), 1);
      directions.set(punch, 'out');
    } else {
      const pool = poolOf(wallDate(punch.wallTime));
      directions.set(punch, pool.length % 2 === 0 ? 'in' : 'out');
      pool.push(punch);
    }
  }
  return { days, flags, directions };
}

/**
 * Who someone is at `now`: `in` while an entry is open that the next punch would close (today's, or last night's as
 * an overnight shift); `forgottenSince` when yesterday's entry is open but a punch now could no longer close it.
 */
export interface Presence<T extends AttendancePunch> {
  in: { since: T; overnight: boolean } | null;
  forgottenSince: T | null;
}

/** Is this person in at `now`, given the punches Kenjo has or will have of them (any order)? */
export function presenceAt<T extends AttendancePunch>(
  punches: readonly T[],
  now: { wallTime: string; atMs: number },
  maxShiftHours: number,
): Presence<T> {
  const { days } = pairDays(punches, maxShiftHours);
  const today = wallDate(now.wallTime);
  const todayStart = openEntryStart(days.get(today) ?? []);
  const yesterdayStart = openEntryStart(days.get(addDays(today, -1)) ?? []);
  const closable = yesterdayStart !== null && overnightClose(days, now, maxShiftHours).kind === 'closes';
  return {
    in:
      todayStart !== null
        ? { since: todayStart, overnight: false }
        : yesterdayStart !== null && closable
          ? { since: yesterdayStart, overnight: true }
          : null,
    forgottenSince: closable ? null : yesterdayStart,
  };
}
