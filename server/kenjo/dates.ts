/** Date ranges as Kenjo's attendance list takes them (`YYYY-MM-DD`); stepping one date is core's `addDays`. */

const DAY_MS = 86_400_000;
/** Kenjo accepts `from`..`to` at most 31 days apart; 30 keeps each piece safe under either reading of "apart". */
export const MAX_RANGE_SPAN_DAYS = 30;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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
