import pino from 'pino';
import { type Config, ConfigError, parseConfig } from './config';
import { logDestination, loggerOptions } from './http/logger';
import { startFailureSentence } from './start-failure';
import { type RunningServer, startServer } from './start-server';

function readConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

/** Demo mode must be impossible to miss: a banner on the console, not just a log line. */
function announceDemo(server: RunningServer): void {
  const rule = '='.repeat(78);
  console.log(
    [
      rule,
      ' DEMO MODE: punches go to the built-in Kenjo simulator, not to a real Kenjo.',
      ` Set KENJO_API_URL, KENJO_API_KEY and ADMIN_TOKEN to connect a real Kenjo.`,
      ` Kiosk app:     ${server.url}/`,
      ` Admin console: ${server.url}/admin`,
      ` Admin token:   ${server.adminToken}`,
      rule,
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = pino(loggerOptions(config.LOG_LEVEL), logDestination());
  let server: RunningServer;
  try {
    server = await startServer(config, logger);
  } catch (err) {
    const sentence = startFailureSentence(err, config);
    if (sentence === null) logger.fatal({ err }, 'the server did not start');
    else console.error(sentence);
    process.exit(1);
  }
  if (config.demoMode) {
    logger.warn({ simulatorUrl: server.simulatorUrl }, 'DEMO MODE: using the built-in Kenjo simulator');
    announceDemo(server);
  } else {
    logger.info({ kenjo: config.KENJO_API_URL }, 'connected to Kenjo');
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing calls in flight');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

void main();
