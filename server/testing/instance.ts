/**
 * One instance of the real server in this process (services, HTTP on a free loopback port, replay), against a
 * Kenjo at `kenjoUrl`, with the ledger at `databaseUrl` (PostgreSQL) or, without it, in a DATA_DIR of its own.
 * Several of them on one `databaseUrl` are the proxy behind a load balancer. `close()` stops it as SIGTERM would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { parseConfig } from '../config';
import { startServer, type RunningServer } from '../start-server';

export interface InstanceOptions {
  kenjoUrl: string;
  apiKey: string;
  adminToken: string;
  databaseUrl?: string;
  /** Further variables, as the environment would give them. */
  env?: Record<string, string>;
}

export async function startInstance(options: InstanceOptions): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-instance-'));
  const config = parseConfig({
    KENJO_API_URL: options.kenjoUrl,
    KENJO_API_KEY: options.apiKey,
    ADMIN_TOKEN: options.adminToken,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    TIME_ZONE: 'Europe/Berlin',
    ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
    ...options.env,
  });
  try {
    const server = await startServer(config, pino({ level: 'silent' }));
    return {
      ...server,
      async close() {
        await server.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
