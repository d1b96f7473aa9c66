/**
 * Instants and Kenjo's wall-clock times.
 *
 * Kenjo takes `dateTime` as `YYYY-MM-DDThh:mm:ss` on the employee's local wall clock, without an offset. Kiosks send
 * instants (RFC 3339 with an offset); the proxy turns each into the wall clock of the kiosk's IANA time zone. Across
 * a DST change that mapping is not one-to-one: the skipped hour has no instant, and the two instants one hour apart
 * in the repeated hour map to the same wall time. That is correct, since it is what a clock on the wall shows.
 *
 * `parseInstant` accepts exactly: `YYYY-MM-DDThh:mm:ss`, an optional `.` and one or more fraction digits, then `Z`
 * or `±hh:mm`. Decisions where RFC 3339 leaves room: the separator must be an upper-case `T` and UTC an upper-case
 * `Z` (what every JavaScript clock prints; lower case is refused so stored strings compare byte for byte); a leap
 * second (`:60`) is refused, as JavaScript cannot represent it; `-00:00` is read as UTC; fractions beyond
 * milliseconds are truncated, never rounded. Wall times always truncate seconds' fractions.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import {
  calendarDate,
  isCalendarDate,
  isClockTime,
  isTimeZone,
  utcMs,
  wallDate,
  wallTimeOfDay,
} from './calendar';
import { intlWallTime } from './intl-wall-time';

export { addDays, isTimeZone, isWallTime, wallDate, wallTimeOfDay } from './calendar';

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const MS_PER_MINUTE = 60_000;

/** Epoch ms of a strict RFC 3339 instant with offset, or `null` for anything else (see the module header). */
export function parseInstant(at: string): number | null {
  const m = INSTANT.exec(at);
  if (!m) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map(Number);
  if (!isCalendarDate(year, month, day) || !isClockTime(hour, minute, second)) return null;
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  let offsetMinutes = 0;
  if (m[8] !== undefined) {
    const offsetHours = Number(m[9]);
    const offsetMins = Number(m[10]);
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  return utcMs(year, month, day, hour, minute, second, ms) - offsetMinutes * MS_PER_MINUTE;
}

/** Kenjo's `YYYY-MM-DDThh:mm:ss` for the instant on the wall clock of `timeZone`; fractions of seconds dropped. */
export function toWallTime(epochMs: number, timeZone: string): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`Cannot convert ${String(epochMs)} to a wall time.`);
  if (!isTimeZone(timeZone)) throw new RangeError(`"${timeZone}" is not an IANA time zone.`);
  return intlWallTime(epochMs, timeZone) ?? format(new TZDate(epochMs, timeZone), "yyyy-MM-dd'T'HH:mm:ss");
}

/** The clock reading of a wall time for people, `08:01`. */
export function formatWallClock(wallTime: string): string {
  return wallTimeOfDay(wallTime).slice(0, 5);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * A calendar date (or the date of a wall time) for people, `3 Feb`. Written from the date's own digits: each
 * overnight decision words its reason with it, and going through a date object and a formatter showed in the
 * replay's profile.
 */
export function formatWallDay(dateOrWallTime: string): string {
  const date = dateOrWallTime.length > 10 ? wallDate(dateOrWallTime) : dateOrWallTime;
  const [, month, day] = calendarDate(date);
  return `${day} ${MONTHS[month - 1] ?? ''}`;
}
