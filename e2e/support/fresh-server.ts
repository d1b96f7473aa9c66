/**
 * A server of a spec's own: demo mode, an empty data folder, a free loopback port, the known admin token. For
 * what must see an empty ledger (the first run) or a setting of its own, whatever the shared server holds by then.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { parseConfig } from '../../server/config';
import { type RunningServer, startServer } from '../../server/start-server';
import { E2E_ADMIN_TOKEN } from './admin-token';

export async function startFreshServer(
  name: string,
  environment: Record<string, string> = {},
): Promise<RunningServer> {
  const config = parseConfig({
    KENJO_API_URL: '',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), `kiosk-${name}-`)),
    TIME_ZONE: 'Europe/Berlin',
    ADMIN_TOKEN: E2E_ADMIN_TOKEN,
    ...environment,
  });
  return startServer(config, pino({ level: 'warn' }), { simulatorPort: 0 });
}
