/**
 * `GET /api/v1/admin/console`: what the console needs to know of the server's configuration. `publicUrl` is
 * `PUBLIC_URL` (null when unset: the console then uses the address it was opened at for pairing links).
 */
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';

export interface ConsoleConfig {
  publicUrl: string | null;
}

export function registerConsoleConfigRoute(
  app: FastifyInstance,
  publicUrl: string | undefined,
  guard: preHandlerAsyncHookHandler,
): void {
  const body: ConsoleConfig = { publicUrl: publicUrl ?? null };
  app.get('/api/v1/admin/console', { preHandler: guard }, async () => body);
}
