/**
 * Kenjo's wall-clock strings. The simulator keeps its own date arithmetic (it is an independent implementation of
 * Kenjo, so it shares nothing with the proxy's rules): every date is handled as a UTC calendar day.
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MS = 86_400_000;

function isRealDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function isRealTime(hour: number, minute: number, second: number): boolean {
  return hour <= 23 && minute <= 59 && second <= 59;
}

/** `YYYY-MM-DDThh:mm:ss` naming a real calendar day and a real time of day. */
export function isWallDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return isRealDay(y, mo, d) && isRealTime(h, mi, s);
}

export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m.map(Number) as [number, number, number, number];
  return isRealDay(y, mo, d);
}

/** `hh:mm` or `hh:mm:ss` → `hh:mm:ss`, or null when it is not a real time of day. */
export function normalizeTimeOfDay(value: string): string | null {
  const m = TIME_OF_DAY.exec(value);
  if (!m) return null;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? '0')];
  return isRealTime(h, mi, s) ? `${m[1]}:${m[2]}:${m[3] ?? '00'}` : null;
}

export function datePart(wallDateTime: string): string {
  return wallDateTime.slice(0, 10);
}

export function timePart(wallDateTime: string): string {
  return wallDateTime.slice(11, 19);
}

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function shiftDate(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Kenjo answers wall-clock times with a `.000Z` suffix although they are not UTC. */
export function toKenjoTimestamp(wallDateTime: string): string {
  return `${wallDateTime}.000Z`;
}
