import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import { installErrorHandler } from './http/errors';
import { registerHealth } from './routes/health';
import { registerStatic } from './routes/static';

export interface AppOptions {
  config: Config;
  logger?: boolean | { level: string };
}

export async function buildApp({ logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: 2 * 1024 * 1024 });
  installErrorHandler(app);
  registerHealth(app);
  await registerStatic(app);
  return app;
}
