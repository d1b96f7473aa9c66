/**
 * Reading attendances back: the ground truth that settles an `unknown` track-time outcome. Kenjo lists every
 * employee's entries of a date range, with no filter, so the employee is picked out here.
 */
import { z } from 'zod';
import { addDays } from '../../core/calendar';
import { hasWallTimeShape, splitRange, wallTimeOfKenjoStamp } from './dates';
import { readJson, type ReadContext } from './read-json';
import type { KenjoAttendance, ReadBackEmployee } from './types';

const nullableString = z
  .string()
  .nullish()
  .transform((value) => (value === undefined || value === null || value === '' ? null : value));

const attendanceSchema = z
  .object({
    _id: z.string(),
    userId: nullableString,
    _userId: nullableString,
    email: nullableString,
    externalId: nullableString,
    date: z.string().min(10),
    startTime: nullableString,
    endTime: nullableString,
    isOvernightShift: z.boolean().nullish(),
  })
  .transform((entry): KenjoAttendance => ({
    id: entry._id,
    userId: entry.userId ?? entry._userId,
    email: entry.email,
    externalId: entry.externalId,
    date: entry.date.slice(0, 10),
    startTime: entry.startTime === null ? null : wallTimeOfKenjoStamp(entry.startTime),
    endTime: entry.endTime === null ? null : wallTimeOfKenjoStamp(entry.endTime),
    isOvernightShift: entry.isOvernightShift ?? false,
  }));

/** Kenjo documents a bare array; a `{data: [...]}` envelope is accepted too. */
const attendancesSchema = z.union([
  z.array(attendanceSchema),
  z.object({ data: z.array(attendanceSchema) }).transform(({ data }) => data),
]);

export async function listAttendances(
  context: ReadContext,
  from: string,
  to: string,
): Promise<KenjoAttendance[]> {
  const entries: KenjoAttendance[] = [];
  for (const [pieceFrom, pieceTo] of splitRange(from, to)) {
    const query = { from: pieceFrom, to: pieceTo };
    entries.push(...(await readJson(context, { path: '/attendances', query }, attendancesSchema)));
  }
  return entries;
}

/** The entry is this employee's: by userId when the entry has one, else by email (any case) or externalId. */
export function belongsTo(entry: KenjoAttendance, employee: ReadBackEmployee): boolean {
  if (entry.userId !== null) return entry.userId === employee.userId;
  if (entry.email !== null && employee.email)
    return entry.email.toLowerCase() === employee.email.toLowerCase();
  if (entry.externalId !== null && employee.externalId) return entry.externalId === employee.externalId;
  return false;
}

/** Starts and ends at exactly `dateTime` among `entries` of this employee. */
export function countAt(
  entries: readonly KenjoAttendance[],
  employee: ReadBackEmployee,
  dateTime: string,
): number {
  let count = 0;
  for (const entry of entries) {
    if (!belongsTo(entry, employee)) continue;
    if (entry.startTime === dateTime) count += 1;
    if (entry.endTime === dateTime) count += 1;
  }
  return count;
}

/** Reads day D-1 too: an overnight end dated D lives in the entry dated D-1. */
export async function countPunchesAt(
  context: ReadContext,
  employee: ReadBackEmployee,
  dateTime: string,
): Promise<number> {
  if (!hasWallTimeShape(dateTime)) throw new TypeError(`Not a YYYY-MM-DDThh:mm:ss wall time: "${dateTime}"`);
  const day = dateTime.slice(0, 10);
  const entries = await listAttendances(context, addDays(day, -1), day);
  return countAt(entries, employee, dateTime);
}
