/**
 * Kenjo's wall-clock strings, `YYYY-MM-DDThh:mm:ss` and their dates `YYYY-MM-DD`, read and stepped by plain calendar
 * arithmetic: no time zone, no date library, so the kiosk can use it too; and whether a zone name is known.
 * Instants and conversions between zones are `wall-time.ts`'s.
 */
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
const WALL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isClockTime(hour: number, minute: number, second: number): boolean {
  return hour <= 23 && minute <= 59 && second <= 59;
}

/** Epoch ms of a UTC calendar time; `setUTCFullYear` keeps years 0–99 literal (Date.UTC would add 1900). */
export function utcMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

/** Whether `value` is a real wall-clock time in Kenjo's `YYYY-MM-DDThh:mm:ss` shape. */
export function isWallTime(value: string): boolean {
  const m = WALL_TIME.exec(value);
  if (!m) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m.slice(1).map(Number);
  return isCalendarDate(year, month, day) && isClockTime(hour, minute, second);
}

function assertWallTime(wallTime: string): void {
  if (!isWallTime(wallTime)) throw new RangeError(`"${wallTime}" is not a wall time (YYYY-MM-DDThh:mm:ss).`);
}

/** The calendar date `YYYY-MM-DD` of a wall time. */
export function wallDate(wallTime: string): string {
  assertWallTime(wallTime);
  return wallTime.slice(0, 10);
}

/** The time of day `hh:mm:ss` of a wall time. */
export function wallTimeOfDay(wallTime: string): string {
  assertWallTime(wallTime);
  return wallTime.slice(11);
}

/** The year, month and day of a calendar date `YYYY-MM-DD`; a RangeError for anything else. */
export function calendarDate(date: string): [year: number, month: number, day: number] {
  const m = WALL_DATE.exec(date);
  const parts = m ? ([Number(m[1]), Number(m[2]), Number(m[3])] as const) : null;
  if (!parts || !isCalendarDate(...parts))
    throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD).`);
  return [...parts];
}

/** A calendar date `days` days later (earlier when negative). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = calendarDate(date);
  if (!Number.isInteger(days)) throw new RangeError(`${days} is not a whole number of days.`);
  const next = new Date(utcMs(year, month, day + days));
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1, 2)}-${pad(next.getUTCDate(), 2)}`;
}

/** Zones already found valid: building an `Intl.DateTimeFormat` per conversion (or per render) would dominate. */
const knownZones = new Set<string>();

/** Whether `zone` is an IANA time-zone name this runtime knows (fixed offsets such as `+01:00` are not). */
export function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  if (zone.trim() === '' || /^[+-]/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
}
