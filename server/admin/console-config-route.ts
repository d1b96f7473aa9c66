/**
 * `GET /api/v1/admin/console`: what the console needs to know of the server's configuration. `publicUrl` is
 * `PUBLIC_URL` (null when unset: the console then uses the address it was opened at for pairing links).
 */
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../routes/deps';

export interface ConsoleConfig {
  publicUrl: string | null;
}

export function registerConsoleConfigRoute(app: FastifyInstance, { config, adminAuth }: RouteDeps): void {
  const body: ConsoleConfig = { publicUrl: config.PUBLIC_URL ?? null };
  app.get('/api/v1/admin/console', { onRequest: adminAuth }, async () => body);
}
