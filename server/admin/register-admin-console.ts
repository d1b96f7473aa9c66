/**
 * The admin console's server side: sign-in sessions (cookie + CSRF token), the read endpoints only the console
 * needs (attention, who is in, Kenjo status, audit, CSV export) and `/admin` → `/admin/`. The kiosk and punch
 * endpoints of the admin API live with the other routes and accept the same session through `adminSessionAuth`.
 */
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { KenjoClientStats } from '../kenjo/types';
import { createAdminGuard } from './admin-guard';
import type { AdminLedger } from './admin-ledger';
import { registerAttentionRoute } from './attention-route';
import { registerConsoleConfigRoute } from './console-config-route';
import { registerPunchesCsvRoute } from './punches-csv-route';
import { AdminSessionStore } from './session-store';
import { registerSessionRoutes } from './session-routes';
import { registerStatusRoutes } from './status-routes';
import { registerWhoIsInRoute } from './who-is-in-route';

export interface AdminConsoleOptions {
  ledger: AdminLedger;
  kenjo?: { stats(): KenjoClientStats } | null;
  config: Pick<Config, 'demoMode' | 'MAX_SHIFT_HOURS'> & {
    ADMIN_TOKEN?: string | undefined;
    PUBLIC_URL?: string | undefined;
  };
  /** The token operators sign in with; defaults to `config.ADMIN_TOKEN` (demo mode may generate one). */
  adminToken?: string | null;
  now?: () => number;
  sessionLifetimeMs?: number;
}

export async function registerAdminConsole(
  app: FastifyInstance,
  options: AdminConsoleOptions,
): Promise<void> {
  const now = options.now ?? Date.now;
  const token = options.adminToken ?? options.config.ADMIN_TOKEN ?? null;
  const adminToken = () => token;
  const store = new AdminSessionStore(now, options.sessionLifetimeMs);
  if (!app.hasDecorator('parseCookie')) await app.register(fastifyCookie);
  app.decorate('adminSessions', store);

  const guard = createAdminGuard(adminToken);
  const { ledger } = options;
  registerSessionRoutes(app, store, adminToken);
  registerAttentionRoute(app, ledger, guard);
  registerWhoIsInRoute(app, { ledger, now, maxShiftHours: options.config.MAX_SHIFT_HOURS }, guard);
  registerStatusRoutes(
    app,
    { ledger, now, kenjo: options.kenjo ?? null, demoMode: options.config.demoMode },
    guard,
  );
  registerPunchesCsvRoute(app, ledger, guard);
  registerConsoleConfigRoute(app, options.config.PUBLIC_URL, guard);
  app.get('/admin', async (_request, reply) => reply.redirect('/admin/', 302));
}
