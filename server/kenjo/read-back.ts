/**
 * Reading attendances back, as Kenjo publishes its entries: `{_id, userId, email, externalId, startTime, endTime,
 * …}` with no `date` and no overnight flag; an open entry has no `endTime` (or `null`). Kenjo lists every employee's
 * entries of a date range, with no filter, so the employee is picked out here. What the times mean (the wall clock
 * or a UTC instant behind the `Z`, seconds kept or not) is decided by `entry-readings.ts`, from punches known to
 * be in Kenjo.
 */
import * as z from 'zod';
import { normalizedIdentifier } from '../../core/identifier-hash';
import { splitRange } from './dates';
import { readList, type ReadContext } from './kenjo-list';
import type { AttendanceList, KenjoAttendance, ReadBackEmployee } from './types';

/** `2021-07-01T10:00:00.000Z` as in Kenjo's examples; other ISO forms (no fraction, an offset) are tolerated. */
const KENJO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

const nullableString = z
  .string()
  .nullish()
  .transform((value) => (value === undefined || value === null || value === '' ? null : value));

const time = z.string().regex(KENJO_TIME, 'not a Kenjo date-time');

const attendanceSchema = z
  .object({
    _id: z.string().min(1),
    userId: nullableString,
    email: nullableString,
    externalId: nullableString,
    startTime: time,
    endTime: time.nullish(),
  })
  .transform((entry): KenjoAttendance => ({
    id: entry._id,
    userId: entry.userId,
    email: entry.email,
    externalId: entry.externalId,
    startTime: entry.startTime,
    endTime: entry.endTime ?? null,
  }));

/** Entries of `from`..`to` (`YYYY-MM-DD`, asked inclusive; Kenjo may treat `to` as exclusive), fetched in pieces. */
export async function listAttendances(
  context: ReadContext,
  from: string,
  to: string,
): Promise<AttendanceList> {
  const list: AttendanceList = { entries: [], skipped: 0, firstProblem: null };
  for (const [pieceFrom, pieceTo] of splitRange(from, to)) {
    const query = { from: pieceFrom, to: pieceTo };
    const piece = await readList(context, { path: '/attendances', query }, attendanceSchema);
    list.entries.push(...piece.items);
    list.skipped += piece.skipped;
    list.firstProblem ??= piece.firstProblem;
  }
  if (list.skipped > 0) {
    context.logger?.warn(
      { from, to, skipped: list.skipped, firstProblem: list.firstProblem },
      'Kenjo attendance entries skipped: not in the published shape',
    );
  }
  return list;
}

/**
 * The entry is this employee's: by userId when the entry has one, else by email or externalId compared as the
 * directory compares them (`normalizedIdentifier`), so that an entry the directory would call theirs is found.
 */
export function belongsTo(entry: KenjoAttendance, employee: ReadBackEmployee): boolean {
  if (entry.userId !== null) return entry.userId === employee.userId;
  const same = (kind: 'badge' | 'email', a: string, b: string) =>
    normalizedIdentifier(kind, a) === normalizedIdentifier(kind, b);
  if (entry.email !== null && employee.email) return same('email', entry.email, employee.email);
  if (entry.externalId !== null && employee.externalId)
    return same('badge', entry.externalId, employee.externalId);
  return false;
}
