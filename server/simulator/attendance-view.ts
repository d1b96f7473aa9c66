import type { AttendanceView, SimEmployee, StoredEntry } from './types';
import { toKenjoTimestamp } from './wall-clock';

/**
 * Kenjo's wire shape of an entry. `date` is the entry's day at midnight in the same `.000Z` form as the times (the
 * way Kenjo's MongoDB dates serialize); `endTime` is null while open and carries the next day for an overnight entry.
 */
export function toAttendanceView(entry: StoredEntry, employee: SimEmployee | undefined): AttendanceView {
  return {
    _id: entry._id,
    userId: entry.userId,
    email: employee?.email ?? '',
    externalId: employee?.externalId ?? null,
    date: toKenjoTimestamp(`${entry.date}T00:00:00`),
    startTime: toKenjoTimestamp(entry.startTime),
    endTime: entry.endTime === null ? null : toKenjoTimestamp(entry.endTime),
    isOvernightShift: entry.isOvernightShift,
  };
}
