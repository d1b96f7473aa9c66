/**
 * `GET /api/v1/admin/console`: what the console needs to know of the server's configuration. `publicUrl` is
 * `PUBLIC_URL` (null when unset: the console then uses the address it was opened at for pairing links);
 * `timeZone` is `TIME_ZONE`, the zone a new kiosk gets unless the operator picks another (the browser's own zone
 * may be another country's).
 */
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../routes/deps';

export interface ConsoleConfig {
  publicUrl: string | null;
  timeZone: string;
}

export function registerConsoleConfigRoute(app: FastifyInstance, { config, adminAuth }: RouteDeps): void {
  const body: ConsoleConfig = { publicUrl: config.PUBLIC_URL ?? null, timeZone: config.TIME_ZONE };
  app.get('/api/v1/admin/console', { onRequest: adminAuth }, async () => body);
}
