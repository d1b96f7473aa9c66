import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerAdmin } from './admin/register-admin';
import { adminGuard } from './auth/admin-auth';
import { requireKiosk } from './auth/kiosk-auth';
import type { Config } from './config';
import { installErrorHandler } from './http/errors';
import { installJsonBody } from './http/json-body';
import { installRequestLog } from './http/request-log';
import type { RouteDeps } from './routes/deps';
import { registerHealth } from './routes/health';
import { registerKioskConfig } from './routes/kiosk-config';
import { registerKioskDirectory } from './routes/kiosk-directory';
import { registerKioskPair } from './routes/kiosk-pair';
import { registerMetrics } from './routes/metrics';
import { registerPunches } from './routes/punches';
import { registerStatic } from './routes/static';
import type { Services } from './services';

/** A full batch (1,000 punches with 254-character identifiers) is about 400 kB; the limit leaves room. */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export interface AppOptions {
  /** `ADMIN_TOKEN` must be filled in (the composition root generates one in demo mode). */
  config: Config;
  services: Services;
  /** pino options, or `false` (the default, for tests); `loggerInstance` wins when both are given. */
  logger?: FastifyServerOptions['logger'];
  loggerInstance?: FastifyBaseLogger;
  /** Where the built front end lives; tests point it at a temp folder or a missing one. */
  distDir?: string;
}

/** The proxy's HTTP surface over ready-made services; drive it with `app.inject` in tests. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, services, logger = false } = options;
  const common = { bodyLimit: BODY_LIMIT_BYTES, return503OnClosing: true, disableRequestLogging: true };
  const app: FastifyInstance = options.loggerInstance
    ? Fastify({ ...common, loggerInstance: options.loggerInstance })
    : Fastify({ ...common, logger });
  installErrorHandler(app);
  installJsonBody(app);
  installRequestLog(app);

  const deps: RouteDeps = {
    config,
    services,
    kioskAuth: requireKiosk(services.ledger),
    adminAuth: adminGuard(config.ADMIN_TOKEN ?? null),
  };
  registerHealth(app, deps);
  registerKioskPair(app, deps);
  registerKioskConfig(app, deps);
  registerKioskDirectory(app, deps);
  registerPunches(app, deps);
  registerMetrics(app, deps);
  await registerAdmin(app, deps);
  await registerStatic(app, options.distDir);
  return app;
}
