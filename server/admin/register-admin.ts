/**
 * Every route under `/api/v1/admin/`, behind the one admin guard (`deps.adminAuth`: the bearer ADMIN_TOKEN for
 * scripts, the console's session cookie with its CSRF token for people), plus the console's sign-in and `/admin` →
 * `/admin/`. Operators' changes (kiosks, punch actions) write the audit log; the rest only reads.
 */
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { AdminSessionStore } from '../auth/session-store';
import type { RouteDeps } from '../routes/deps';
import { registerAttentionRoute } from './attention-route';
import { registerConsoleConfigRoute } from './console-config-route';
import { registerAdminKioskHours } from './kiosk-hours-route';
import { registerAdminKiosks } from './kiosks-routes';
import { registerKenjoEntriesRoute } from './kenjo-entries-route';
import { registerPunchActions } from './punch-actions';
import { registerPunchesCsvRoute } from './punches-csv-route';
import { registerAdminPunches } from './punches-route';
import { registerSessionRoutes } from './session-routes';
import { registerSettingsPinRoute } from './settings-pin-route';
import { registerStatusRoutes } from './status-routes';
import { registerWhoIsInRoute } from './who-is-in-route';

export async function registerAdmin(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  if (!app.hasDecorator('parseCookie')) await app.register(fastifyCookie);
  const sessions = new AdminSessionStore(deps.services.ledger, deps.services.now);
  app.decorate('adminSessions', sessions);
  registerSessionRoutes(app, sessions, deps.config.ADMIN_TOKEN ?? null);

  registerAdminKiosks(app, deps);
  registerAdminKioskHours(app, deps);
  registerAdminPunches(app, deps);
  registerPunchActions(app, deps);
  registerKenjoEntriesRoute(app, deps);
  registerAttentionRoute(app, deps);
  registerWhoIsInRoute(app, deps);
  registerStatusRoutes(app, deps);
  registerPunchesCsvRoute(app, deps);
  registerConsoleConfigRoute(app, deps);
  registerSettingsPinRoute(app, deps);
  app.get('/admin', async (_request, reply) => reply.redirect('/admin/', 302));
}
