/**
 * A kiosk's opening hours: the days of the week and the time of day, on the kiosk's own wall clock, during which it
 * is expected to be on and in touch. Only then does its silence raise an alert; a kiosk without opening hours is
 * never reported silent (a tablet switched off for the night is not an incident).
 */
import * as z from 'zod';
import { toWallTime, wallDate, wallTimeOfDay } from '../../core/wall-time';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day hh:mm');

/** `days`: ISO weekdays, 1 = Monday … 7 = Sunday. `from` before `to`, both `hh:mm`; a window never spans midnight. */
export const openingHoursSchema = z
  .strictObject({
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    from: clock,
    to: clock,
  })
  .refine((hours) => hours.from < hours.to, 'from must be earlier than to')
  .refine((hours) => new Set(hours.days).size === hours.days.length, 'days must not repeat');

export type OpeningHours = z.infer<typeof openingHoursSchema>;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** ISO weekday of a calendar date `YYYY-MM-DD`. */
function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * When the opening window that contains `nowMs` began, or null when the kiosk is closed at `nowMs`. The start is
 * measured back on the wall clock, so on the day a clock changes it may be an hour off; silence thresholds are
 * minutes, and an alert an hour early or late once a season beats none.
 */
export function openingWindowStartMs(hours: OpeningHours, timeZone: string, nowMs: number): number | null {
  const wall = toWallTime(nowMs, timeZone);
  if (!hours.days.includes(isoWeekday(wallDate(wall)))) return null;
  const time = wallTimeOfDay(wall);
  const nowMinutes = minutesOf(time) + Number(time.slice(6, 8)) / 60;
  if (nowMinutes < minutesOf(hours.from) || nowMinutes >= minutesOf(hours.to)) return null;
  return nowMs - Math.round((nowMinutes - minutesOf(hours.from)) * 60_000);
}
