import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { toAttendanceView } from './attendance-view';
import { sendKenjoError } from './kenjo-error';
import type { KenjoSimulator } from './simulator';
import type { AttendanceView, StoredEntry } from './types';
import { daysBetween, isCalendarDate } from './wall-clock';

/** `to` may be at most this many days after `from` (both inclusive, so a range spans up to 32 calendar days). */
export const MAX_RANGE_DAYS = 31;

const rangeQuery = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  offset: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).optional(),
});

/** Kenjo's paging envelope of other lists: `offset` is the page number, from 1. */
function page(views: AttendanceView[], pageSize: number, offset: number, limit: number | undefined) {
  const size = Math.min(limit ?? pageSize, pageSize);
  const data = views.slice((offset - 1) * size, offset * size);
  return { data, metadata: { count: data.length, offset, limit: size, total: views.length } };
}

/** Reading attendances back: the range listing (all employees) and one entry by id, as the read variant says. */
export function registerAttendanceReads(api: FastifyInstance, sim: KenjoSimulator): void {
  const view = (entry: StoredEntry) =>
    toAttendanceView(
      entry,
      sim.employees.find((e) => e._id === entry.userId),
      sim.faults(),
    );

  api.get('/attendances', async (request, reply) => {
    const { from, to, offset, limit } = rangeQuery.parse(request.query);
    if (!from || !to) return sendKenjoError(reply, 400, 'The query parameters from and to are required.');
    if (!isCalendarDate(from) || !isCalendarDate(to)) {
      return sendKenjoError(reply, 400, 'from and to must be real dates as YYYY-MM-DD.');
    }
    const span = daysBetween(from, to);
    if (span < 0) return sendKenjoError(reply, 400, 'to must not be before from.');
    if (span > MAX_RANGE_DAYS) {
      return sendKenjoError(reply, 400, `from and to must be at most ${MAX_RANGE_DAYS} days apart.`);
    }
    const faults = sim.faults();
    const inRange = (date: string) => date >= from && (faults.readToExclusive ? date < to : date <= to);
    const views = sim.store
      .all()
      .filter((entry) => inRange(entry.date))
      .sort((a, b) => (a.date + a.startTime + a._id < b.date + b.startTime + b._id ? -1 : 1))
      .map(view);
    if (faults.readPageSize === null) return reply.status(200).send(views);
    return reply.status(200).send(page(views, faults.readPageSize, offset ?? 1, limit));
  });

  api.get<{ Params: { id: string } }>('/attendances/:id', async (request, reply) => {
    const entry = sim.store.get(request.params.id);
    if (!entry) return sendKenjoError(reply, 404, 'Attendance not found');
    return reply.status(200).send(view(entry));
  });
}
