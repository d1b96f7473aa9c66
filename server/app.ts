import { readFileSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify';
import { registerAdmin } from './admin/register-admin';
import { adminGuard } from './auth/admin-auth';
import { requireKiosk } from './auth/kiosk-auth';
import type { Config } from './config';
import { clientErrorHandler, frameworkErrors } from './http/client-errors';
import { createCredentialThrottle } from './http/credential-throttle';
import { installErrorHandler } from './http/errors';
import { installJsonBody } from './http/json-body';
import { installRequestLog } from './http/request-log';
import {
  HTTP_LIMITS,
  type HttpLimits,
  capConnections,
  fastifyLimitOptions,
  nodeServerOptions,
} from './http/limits';
import { schemaController } from './http/schema-compilers';
import { fastifyTrustProxy } from './http/trust-proxy';
import { registerSecurityHeaders } from './http/security-headers';
import type { RouteDeps } from './routes/deps';
import { registerHealth } from './routes/health';
import { registerKioskConfig } from './routes/kiosk-config';
import { registerKioskDirectory } from './routes/kiosk-directory';
import { registerKioskPair } from './routes/kiosk-pair';
import { registerMetrics } from './routes/metrics';
import { registerPunches } from './routes/punches';
import { registerStatic } from './routes/static';
import type { Services } from './services';

export interface AppOptions {
  /** `ADMIN_TOKEN` must be filled in (the composition root generates one in demo mode). */
  config: Config;
  services: Services;
  /** pino options, or `false` (the default, for tests); `loggerInstance` wins when both are given. */
  logger?: FastifyServerOptions['logger'];
  loggerInstance?: FastifyBaseLogger;
  /** Where the built front end lives; tests point it at a temp folder or a missing one. */
  distDir?: string;
  /** Timeouts and caps; tests shorten them to see them act. */
  limits?: HttpLimits;
}

/** Fastify's options from the configuration: limits, TLS when both files are set, which proxies to trust. */
function serverOptions(config: Config, limits: HttpLimits): FastifyServerOptions {
  const node = nodeServerOptions(limits);
  const transport =
    config.TLS_CERT_FILE !== undefined && config.TLS_KEY_FILE !== undefined
      ? {
          https: {
            ...node,
            cert: readFileSync(config.TLS_CERT_FILE),
            key: readFileSync(config.TLS_KEY_FILE),
          },
        }
      : { http: node };
  return {
    ...fastifyLimitOptions(limits),
    ...transport,
    // Without TRUST_PROXY, X-Forwarded-* is ignored: any client could claim to be https or another address.
    trustProxy: fastifyTrustProxy(config.TRUST_PROXY),
    return503OnClosing: true,
    // Request lines come from `installRequestLog`, at debug.
    logController: new LogController({ disableRequestLogging: true }),
    clientErrorHandler,
    frameworkErrors,
    schemaController,
  };
}

/** The proxy's HTTP surface over ready-made services; drive it with `app.inject` in tests. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, services, logger = false, limits = HTTP_LIMITS } = options;
  const common = serverOptions(config, limits);
  // The HTTPS server's instance type differs only in the Node server it wraps; routes do not see it.
  const app = (
    options.loggerInstance
      ? Fastify({ ...common, loggerInstance: options.loggerInstance })
      : Fastify({ ...common, logger })
  ) as FastifyInstance;
  capConnections(app.server, limits);
  installErrorHandler(app);
  installJsonBody(app);
  await registerSecurityHeaders(app);
  await createCredentialThrottle(app);
  // Cookies are read before any route's onRequest guard looks for the console's session.
  await app.register(fastifyCookie);
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
