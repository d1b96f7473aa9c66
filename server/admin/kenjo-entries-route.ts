/**
 * Kenjo's entries of a punch's employee around its day, read through the Kenjo client, so that an operator can see
 * whether a punch held because Kenjo may already have it is there: then confirm it, else send it again. Times are
 * shown as Kenjo wrote them; days D-1..D+1 cover an overnight entry on either side.
 */
import type { FastifyInstance } from 'fastify';
import { addDays, wallDate } from '../../core/wall-time';
import { HttpError } from '../http/errors';
import { parseRequest } from '../http/parse';
import { KenjoUnavailableError } from '../kenjo/errors';
import { belongsTo } from '../kenjo/read-back';
import type { RouteDeps } from '../routes/deps';
import { punchParams } from '../routes/schemas';

export function registerKenjoEntriesRoute(app: FastifyInstance, { services, adminAuth }: RouteDeps): void {
  const { ledger, kenjo, directory } = services;
  app.get('/api/v1/admin/punches/:kioskId/:id/kenjo-entries', { onRequest: adminAuth }, async (request) => {
    const { kioskId, id } = parseRequest(punchParams, request.params, 'params');
    const punch = await ledger.getPunch(kioskId, id);
    if (!punch) throw new HttpError(404, 'punch-not-found', `Kiosk ${kioskId} has no punch ${id}.`);
    if (punch.employeeKey === null) {
      throw new HttpError(409, 'employee-unresolved', 'This punch has no Kenjo employee yet.');
    }
    const known = directory.employees().find((e) => e.userId === punch.employeeKey);
    const employee = {
      userId: punch.employeeKey,
      email: known?.email ?? ('email' in punch.employee ? punch.employee.email : null),
      externalId: known?.externalId ?? ('externalId' in punch.employee ? punch.employee.externalId : null),
    };
    const day = wallDate(punch.kenjoDateTime);
    const [from, to] = [addDays(day, -1), addDays(day, 1)];
    try {
      const list = await kenjo.listAttendances(from, to);
      const entries = list.entries
        .filter((entry) => belongsTo(entry, employee))
        .map(({ id: entryId, startTime, endTime }) => ({ id: entryId, startTime, endTime }))
        .sort((a, b) => a.startTime.localeCompare(b.startTime));
      return { from, to, punchDateTime: punch.kenjoDateTime, entries, skipped: list.skipped };
    } catch (err) {
      if (!(err instanceof KenjoUnavailableError)) throw err;
      throw new HttpError(502, 'kenjo-unavailable', `Kenjo's attendances cannot be read now: ${err.message}`);
    }
  });
}
