// Starts the real server for the end-to-end tests: demo mode (embedded simulator), a throw-away data folder, a
// known admin token (E2E_ADMIN_TOKEN), and the simulator on E2E_SIMULATOR_PORT, where tests read its log and set faults.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { parseConfig } from '../../server/config';
import { loggerOptions } from '../../server/http/logger';
import { startServer } from '../../server/start-server';
import { E2E_ADMIN_TOKEN } from './admin-token';

function simulatorPort(): number {
  const port = Number(process.env.E2E_SIMULATOR_PORT);
  if (!Number.isInteger(port) || port <= 0)
    throw new Error('E2E_SIMULATOR_PORT must name the simulator port.');
  return port;
}

const config = parseConfig({
  ...process.env,
  KENJO_API_URL: '',
  PORT: process.env.E2E_PORT ?? '8181',
  HOST: '127.0.0.1',
  DATA_DIR: mkdtempSync(join(tmpdir(), 'kiosk-e2e-')),
  TIME_ZONE: 'Europe/Berlin',
  ADMIN_TOKEN: E2E_ADMIN_TOKEN,
});
const server = await startServer(config, pino(loggerOptions(process.env.E2E_LOG_LEVEL ?? 'warn')), {
  simulatorPort: simulatorPort(),
});
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
