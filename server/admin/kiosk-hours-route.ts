import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { openingHoursSchema } from '../alerts/opening-hours';
import { loadOpeningHours, saveOpeningHours } from '../alerts/opening-hours-store';
import { adminOf } from '../auth/admin-auth';
import { HttpError } from '../http/errors';
import { parseRequest } from '../http/parse';
import type { RouteDeps } from '../routes/deps';
import { kioskIdParams } from '../routes/schemas';

const hoursBody = z.strictObject({ openingHours: openingHoursSchema.nullable() });

/**
 * A kiosk's opening hours, during which its silence raises an alert: read and set by an operator in the console.
 * `null` means the kiosk is not watched.
 */
export function registerAdminKioskHours(app: FastifyInstance, { services, adminAuth }: RouteDeps): void {
  const { ledger } = services;
  const existing = async (id: string) => {
    if (!(await ledger.getKiosk(id))) throw new HttpError(404, 'kiosk-not-found', `There is no kiosk ${id}.`);
  };

  app.get('/api/v1/admin/kiosks/:id/opening-hours', { onRequest: adminAuth }, async (request) => {
    const { id } = parseRequest(kioskIdParams, request.params, 'params');
    await existing(id);
    return { openingHours: await loadOpeningHours(ledger, id) };
  });

  app.put('/api/v1/admin/kiosks/:id/opening-hours', { onRequest: adminAuth }, async (request) => {
    const { id } = parseRequest(kioskIdParams, request.params, 'params');
    const { openingHours } = parseRequest(hoursBody, request.body, 'body');
    await existing(id);
    await saveOpeningHours(ledger, id, openingHours);
    await ledger.appendAudit({
      atMs: services.now(),
      actor: adminOf(request).actor,
      action: 'kiosk.opening-hours',
      target: id,
      reason: null,
      detail: { openingHours },
    });
    return { openingHours };
  });
}
