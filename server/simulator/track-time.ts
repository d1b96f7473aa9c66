import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { findEmployee } from './employee-lookup';
import { failAfterCommit } from './fault-hooks';
import { sendKenjoError } from './kenjo-error';
import type { KenjoSimulator } from './simulator';
import type { AppliedAs } from './types';
import { datePart, isWallDateTime, shiftDate, timePart } from './wall-clock';

const trackTimeBody = z.object({
  userId: z.string().optional(),
  email: z.string().optional(),
  externalId: z.string().optional(),
  dateTime: z.unknown().optional(),
  isOvernightShift: z.boolean().optional(),
});

/** The latest time of day an overnight clock-out may have, inclusive. */
const OVERNIGHT_LATEST_END = '18:00:00';

export type TrackTimeResult =
  | { ok: true; employeeId: string; dateTime: string; isOvernightShift: boolean; appliedAs: AppliedAs }
  | { ok: false; message: string };

/** Kenjo's track-time rules, in order: validation, overnight close, ordinary punch with re-pairing of its day. */
export function applyTrackTime(sim: KenjoSimulator, body: unknown): TrackTimeResult {
  const parsed = trackTimeBody.safeParse(body);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || 'body';
    return { ok: false, message: `Invalid request: ${field} has the wrong type.` };
  }
  const { dateTime, isOvernightShift = false } = parsed.data;
  if (typeof dateTime !== 'string' || dateTime === '') {
    return { ok: false, message: 'dateTime is required, as YYYY-MM-DDThh:mm:ss.' };
  }
  if (!isWallDateTime(dateTime)) {
    return { ok: false, message: 'dateTime must be a real date and time as YYYY-MM-DDThh:mm:ss.' };
  }
  const lookup = findEmployee(sim.employees, parsed.data);
  if (lookup.kind === 'no-identifier') {
    return { ok: false, message: 'One of userId, email or externalId is required.' };
  }
  if (lookup.kind === 'not-found') return { ok: false, message: 'Employee not found' };

  const userId = lookup.employee._id;
  let appliedAs: AppliedAs = 'ordinary';
  if (isOvernightShift && timePart(dateTime) <= OVERNIGHT_LATEST_END) {
    const open = sim.store.openEntry(userId, shiftDate(datePart(dateTime), -1));
    if (open) {
      sim.store.closeOvernight(open._id, dateTime);
      appliedAs = 'overnight-close';
    }
  }
  if (appliedAs === 'ordinary') sim.store.punch(userId, dateTime);
  sim.recordApplied(userId, dateTime, isOvernightShift, appliedAs);
  return { ok: true, employeeId: userId, dateTime, isOvernightShift, appliedAs };
}

export function registerTrackTime(api: FastifyInstance, sim: KenjoSimulator): void {
  api.post('/attendances/track-time', async (request, reply) => {
    const result = applyTrackTime(sim, request.body);
    if (!result.ok) return sendKenjoError(reply, 400, result.message);
    if (failAfterCommit(request, reply, sim)) return reply;
    return reply.status(201).send(request.body);
  });
}
