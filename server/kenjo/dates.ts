/**
 * Date ranges and timestamps as Kenjo's attendance API reads and writes them. Calendar steps are core's `addDays`;
 * the names here say where they differ from core's wall-time helpers: a timestamp's shape, not its calendar.
 */

const DAY_MS = 86_400_000;
/** Kenjo accepts `from`..`to` at most 31 days apart; 30 keeps each piece safe under either reading of "apart". */
export const MAX_RANGE_SPAN_DAYS = 30;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

function toDayNumber(date: string): number {
  const match = DATE.exec(date);
  if (!match) throw new TypeError(`Not a YYYY-MM-DD date: "${date}"`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(year, month - 1, day);
  if (new Date(ms).getUTCDate() !== day) throw new TypeError(`Not a calendar date: "${date}"`);
  return ms / DAY_MS;
}

function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Consecutive, non-overlapping `[from, to]` pieces covering the inclusive range; empty when `to` is before `from`. */
export function splitRange(
  from: string,
  to: string,
  spanDays = MAX_RANGE_SPAN_DAYS,
): Array<[string, string]> {
  const first = toDayNumber(from);
  const last = toDayNumber(to);
  const pieces: Array<[string, string]> = [];
  for (let start = first; start <= last; start += spanDays + 1) {
    pieces.push([fromDayNumber(start), fromDayNumber(Math.min(start + spanDays, last))]);
  }
  return pieces;
}

/** Whether `value` looks like `YYYY-MM-DDThh:mm:ss` (the shape only; core's `isWallTime` checks the calendar). */
export function hasWallTimeShape(value: string): boolean {
  return WALL_TIME.test(value);
}

/** Kenjo's `2026-02-04T06:00:00.000Z` holds a wall clock; the first 19 characters are that wall clock. */
export function wallTimeOfKenjoStamp(kenjoTime: string): string {
  return kenjoTime.slice(0, 19);
}
