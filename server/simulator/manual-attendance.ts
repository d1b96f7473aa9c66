import * as z from 'zod';
import type { AttendanceStore } from './attendance-store';
import type { StoredEntry } from './types';
import { isCalendarDate, normalizeTimeOfDay, shiftDate } from './wall-clock';

/** Kenjo's manual entry rules (`POST /attendances`, `PUT /attendances/{id}`); the messages are Kenjo's. */
export const ENDS_BEFORE_START =
  'When isOvernightShift is not set, endTime must be after startTime. Set isOvernightShift to true for a shift that ends the next day.';
export const OVERNIGHT_END_TOO_LATE = 'For overnight shifts, end time cannot be later than 18:00.';
export const OVERLAPS = 'The attendance entry overlaps with another entry of the same day.';

const OVERNIGHT_LATEST_END = '18:00:00';
const FAR_FUTURE = '9999-12-31T23:59:59';

export const entryFields = z.object({
  date: z.string().optional(),
  startTime: z.string().optional(),
  endTime: z.string().nullable().optional(),
  isOvernightShift: z.boolean().optional(),
});
export type EntryFields = z.infer<typeof entryFields>;

/** The wanted state of an entry, with times of day `hh:mm:ss`. */
export interface EntryDraft {
  date: string;
  startTime: string;
  endTime: string | null;
  isOvernightShift: boolean;
}

/** `hh:mm`, `hh:mm:ss`, or a full Kenjo timestamp (its time of day is taken; the day follows from the entry). */
export function timeOfDay(value: string): string | null {
  const full = /^\d{4}-\d{2}-\d{2}T(\d{2}:\d{2}:\d{2})(?:\.000Z)?$/.exec(value);
  return normalizeTimeOfDay(full ? (full[1] ?? '') : value);
}

/** Checks a draft against Kenjo's rules; returns the entry to store (minus its ids) or the 400 message. */
export function checkEntry(
  store: AttendanceStore,
  userId: string,
  draft: EntryDraft,
  ignoreId?: string,
): { ok: true; startTime: string; endTime: string | null } | { ok: false; message: string } {
  if (!isCalendarDate(draft.date)) return { ok: false, message: 'date must be a real date as YYYY-MM-DD.' };
  const start = timeOfDay(draft.startTime);
  if (start === null) return { ok: false, message: 'startTime must be a time of day as hh:mm:ss.' };
  let endTime: string | null = null;
  if (draft.endTime !== null) {
    const end = timeOfDay(draft.endTime);
    if (end === null) return { ok: false, message: 'endTime must be a time of day as hh:mm:ss.' };
    if (draft.isOvernightShift) {
      if (end > OVERNIGHT_LATEST_END) return { ok: false, message: OVERNIGHT_END_TOO_LATE };
      endTime = `${shiftDate(draft.date, 1)}T${end}`;
    } else {
      if (end <= start) return { ok: false, message: ENDS_BEFORE_START };
      endTime = `${draft.date}T${end}`;
    }
  }
  const startTime = `${draft.date}T${start}`;
  const clash = store
    .ofDay(userId, draft.date)
    .some((other) => other._id !== ignoreId && overlaps(startTime, endTime, other));
  return clash ? { ok: false, message: OVERLAPS } : { ok: true, startTime, endTime };
}

/** Intervals are half-open; an open entry reaches to the end of time, so nothing may start after it. */
function overlaps(startTime: string, endTime: string | null, other: StoredEntry): boolean {
  return startTime < (other.endTime ?? FAR_FUTURE) && other.startTime < (endTime ?? FAR_FUTURE);
}

/** The draft of an existing entry, to which a PUT applies only the fields it sends. */
export function draftOf(entry: StoredEntry): EntryDraft {
  return {
    date: entry.date,
    startTime: entry.startTime.slice(11),
    endTime: entry.endTime === null ? null : entry.endTime.slice(11),
    isOvernightShift: entry.isOvernightShift,
  };
}
