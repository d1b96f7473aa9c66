// Starts the real server for the end-to-end tests: demo mode (embedded simulator), a throw-away data folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/app';
import { parseConfig } from '../../server/config';

const config = parseConfig({
  ...process.env,
  PORT: process.env.E2E_PORT ?? '8181',
  HOST: '127.0.0.1',
  DATA_DIR: mkdtempSync(join(tmpdir(), 'kiosk-e2e-')),
  TIME_ZONE: 'Europe/Berlin',
});
const app = await buildApp({ config, logger: false });
await app.listen({ port: config.PORT, host: config.HOST });
