import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config';
import { startServices } from './compose';

export interface RunningServer {
  app: FastifyInstance;
  /** `http://host:port` (`https://` with TLS_CERT_FILE) as bound (PORT 0 picks a free port). */
  url: string;
  adminToken: string;
  simulatorUrl: string | null;
  close(): Promise<void>;
}

/**
 * Services, the app, listening, then the background work: replay starts only once punches can arrive. Closing
 * stops taking requests first, then drains replay and closes the ledger and the simulator.
 */
export async function startServer(
  config: Config,
  logger: FastifyBaseLogger,
  options: { simulatorPort?: number } = {},
): Promise<RunningServer> {
  const running = await startServices(config, { logger, ...options });
  let app: FastifyInstance;
  try {
    app = await buildApp({
      config: { ...config, ADMIN_TOKEN: running.adminToken },
      services: running.services,
      loggerInstance: logger,
    });
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (err) {
    await running.close();
    throw err;
  }
  running.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  return {
    app,
    url: `${config.TLS_CERT_FILE === undefined ? 'http' : 'https'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    adminToken: running.adminToken,
    simulatorUrl: running.simulatorUrl,
    async close() {
      await app.close();
      await running.close();
    },
  };
}
