import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { toAttendanceView } from './attendance-view';
import { sendKenjoError } from './kenjo-error';
import type { KenjoSimulator } from './simulator';
import type { StoredEntry } from './types';
import { daysBetween, isCalendarDate } from './wall-clock';

/** `to` may be at most this many days after `from` (both inclusive, so a range spans up to 32 calendar days). */
export const MAX_RANGE_DAYS = 31;

const rangeQuery = z.object({ from: z.string().optional(), to: z.string().optional() });

/** Reading attendances back: the range listing (all employees, bare array) and one entry by id. */
export function registerAttendanceReads(api: FastifyInstance, sim: KenjoSimulator): void {
  const view = (entry: StoredEntry) =>
    toAttendanceView(
      entry,
      sim.employees.find((e) => e._id === entry.userId),
    );

  api.get('/attendances', async (request, reply) => {
    const { from, to } = rangeQuery.parse(request.query);
    if (!from || !to) return sendKenjoError(reply, 400, 'The query parameters from and to are required.');
    if (!isCalendarDate(from) || !isCalendarDate(to)) {
      return sendKenjoError(reply, 400, 'from and to must be real dates as YYYY-MM-DD.');
    }
    const span = daysBetween(from, to);
    if (span < 0) return sendKenjoError(reply, 400, 'to must not be before from.');
    if (span > MAX_RANGE_DAYS) {
      return sendKenjoError(reply, 400, `from and to must be at most ${MAX_RANGE_DAYS} days apart.`);
    }
    const entries = sim.store
      .all()
      .filter((entry) => entry.date >= from && entry.date <= to)
      .sort((a, b) => (a.date + a.startTime + a._id < b.date + b.startTime + b._id ? -1 : 1));
    return reply.status(200).send(entries.map(view));
  });

  api.get<{ Params: { id: string } }>('/attendances/:id', async (request, reply) => {
    const entry = sim.store.get(request.params.id);
    if (!entry) return sendKenjoError(reply, 404, 'Attendance not found');
    return reply.status(200).send(view(entry));
  });
}
