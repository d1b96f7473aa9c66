import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { parseInstant } from '../../core/wall-time';
import { kioskOf } from '../auth/kiosk-auth';
import { loadSettingsLock } from '../auth/settings-lock-store';
import { parseRequest } from '../http/parse';
import type { RouteDeps } from './deps';

const statusBody = z.strictObject({
  pendingCount: z.number().int().min(0),
  storagePersisted: z.boolean().nullable(),
  appVersion: z.string().max(64),
  lastSyncAt: z
    .string()
    .refine((value) => parseInstant(value) !== null, 'is not an RFC 3339 instant with offset')
    .nullable(),
});

/** What a paired kiosk reads at start (its settings) and reports now and then (its own health). */
export function registerKioskConfig(app: FastifyInstance, { config, services, kioskAuth }: RouteDeps): void {
  app.get('/api/v1/kiosk/config', { onRequest: kioskAuth }, async (request) => {
    const kiosk = kioskOf(request);
    return {
      kioskId: kiosk.id,
      name: kiosk.name,
      timeZone: kiosk.timeZone,
      demoMode: config.demoMode,
      doubleScanWindowS: config.DOUBLE_SCAN_WINDOW_S,
      maxShiftHours: config.MAX_SHIFT_HOURS,
      serverTime: new Date(services.now()).toISOString(),
      // The settings PIN as its salted hash: the kiosk checks a typed PIN on the device, online or not.
      settingsLock: await loadSettingsLock(services.ledger),
    };
  });

  app.post('/api/v1/kiosk/status', { onRequest: kioskAuth }, async (request, reply) => {
    const kiosk = kioskOf(request);
    const body = parseRequest(statusBody, request.body, 'body');
    await services.ledger.reportKioskStatus(kiosk.id, {
      pendingOnDevice: body.pendingCount,
      storagePersisted: body.storagePersisted,
      appVersion: body.appVersion,
      lastSyncAtMs: body.lastSyncAt === null ? null : parseInstant(body.lastSyncAt),
      lastSeenAtMs: services.now(),
    });
    return reply.status(204).send();
  });
}
