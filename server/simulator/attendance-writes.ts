import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { toAttendanceView } from './attendance-view';
import { findEmployee } from './employee-lookup';
import { sendKenjoError } from './kenjo-error';
import { checkEntry, draftOf, entryFields, type EntryDraft } from './manual-attendance';
import type { KenjoSimulator } from './simulator';

const createBody = entryFields.extend({
  userId: z.string().optional(),
  email: z.string().optional(),
  externalId: z.string().optional(),
});

/** Manual entries: create, update the fields sent, delete. These do not enter the track-time log. */
export function registerAttendanceWrites(api: FastifyInstance, sim: KenjoSimulator): void {
  const employeeOf = (userId: string) => sim.employees.find((e) => e._id === userId);

  api.post('/attendances', async (request, reply) => {
    const parsed = createBody.safeParse(request.body);
    if (!parsed.success) return sendKenjoError(reply, 400, 'Invalid request body.');
    const body = parsed.data;
    const lookup = findEmployee(sim.employees, body);
    if (lookup.kind === 'no-identifier') return sendKenjoError(reply, 400, 'userId is required.');
    if (lookup.kind === 'not-found') return sendKenjoError(reply, 400, 'Employee not found');
    if (body.date === undefined || body.startTime === undefined) {
      return sendKenjoError(reply, 400, 'date and startTime are required.');
    }
    const draft: EntryDraft = {
      date: body.date,
      startTime: body.startTime,
      endTime: body.endTime ?? null,
      isOvernightShift: body.isOvernightShift ?? false,
    };
    const userId = lookup.employee._id;
    const checked = checkEntry(sim.store, userId, draft);
    if (!checked.ok) return sendKenjoError(reply, 400, checked.message);
    const entry = {
      _id: sim.store.newId(),
      userId,
      date: draft.date,
      ...checked,
      isOvernightShift: draft.isOvernightShift,
    };
    sim.store.put(entry);
    return reply.status(201).send(toAttendanceView(entry, lookup.employee));
  });

  api.put<{ Params: { id: string } }>('/attendances/:id', async (request, reply) => {
    const existing = sim.store.get(request.params.id);
    if (!existing) return sendKenjoError(reply, 404, 'Attendance not found');
    const parsed = entryFields.safeParse(request.body ?? {});
    if (!parsed.success) return sendKenjoError(reply, 400, 'Invalid request body.');
    const sent = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
    const draft: EntryDraft = { ...draftOf(existing), ...sent };
    const checked = checkEntry(sim.store, existing.userId, draft, existing._id);
    if (!checked.ok) return sendKenjoError(reply, 400, checked.message);
    const entry = { ...existing, date: draft.date, ...checked, isOvernightShift: draft.isOvernightShift };
    sim.store.put(entry);
    return reply.status(200).send(toAttendanceView(entry, employeeOf(entry.userId)));
  });

  api.delete<{ Params: { id: string } }>('/attendances/:id', async (request, reply) => {
    if (!sim.store.delete(request.params.id)) return sendKenjoError(reply, 404, 'Attendance not found');
    return reply.status(204).send();
  });
}
