import { buildApp } from './app';
import { ConfigError, parseConfig } from './config';

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const app = await buildApp({ config, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  await app.listen({ port: config.PORT, host: config.HOST });
}

void main();
