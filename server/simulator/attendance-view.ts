import { TZDate } from '@date-fns/tz';
import type { Faults } from './faults';
import type { AttendanceView, SimEmployee, StoredEntry } from './types';
import { toKenjoTimestamp } from './wall-clock';

/** The part of the faults that changes how entries read; the default is Kenjo's published shape. */
export type ReadVariant = Pick<Faults, 'readSecondsTruncated' | 'readUtcZone' | 'readOpenEndNull'>;

export const PUBLISHED_SHAPE: ReadVariant = {
  readSecondsTruncated: false,
  readUtcZone: null,
  readOpenEndNull: false,
};

/** The wall clock as a true UTC instant in `zone` (a wall time a DST change skips reads as the later offset). */
function utcInstant(wallDateTime: string, zone: string): string {
  const [date, time] = wallDateTime.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, s] = time.split(':').map(Number) as [number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, s, zone).getTime()).toISOString();
}

function stamp(wallDateTime: string, variant: ReadVariant): string {
  const wall = variant.readSecondsTruncated ? `${wallDateTime.slice(0, 16)}:00` : wallDateTime;
  return variant.readUtcZone === null ? toKenjoTimestamp(wall) : utcInstant(wall, variant.readUtcZone);
}

/**
 * Kenjo's published wire shape of an entry: no `date`, no `isOvernightShift`; an open entry has no `endTime`; an
 * overnight entry's `endTime` carries the next day. The simulator's own state keeps those fields for its controls.
 */
export function toAttendanceView(
  entry: StoredEntry,
  employee: SimEmployee | undefined,
  variant: ReadVariant = PUBLISHED_SHAPE,
): AttendanceView {
  const view: AttendanceView = {
    _id: entry._id,
    userId: entry.userId,
    ...(employee?.email ? { email: employee.email } : {}),
    ...(employee?.externalId ? { externalId: employee.externalId } : {}),
    startTime: stamp(entry.startTime, variant),
  };
  if (entry.endTime !== null) view.endTime = stamp(entry.endTime, variant);
  else if (variant.readOpenEndNull) view.endTime = null;
  return view;
}
