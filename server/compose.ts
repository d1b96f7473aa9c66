/**
 * The composition root: from the parsed configuration, the ledger (SQLite in DATA_DIR, or PostgreSQL at
 * DATABASE_URL), the Kenjo client (pointed at the
 * embedded simulator in demo mode), the employee directory and the replay engine. `close()` undoes it in reverse:
 * replay drains its calls in flight before the ledger closes.
 */
import type { FastifyBaseLogger } from 'fastify';
import { createAlertMonitor } from './alerts/alert-monitor';
import { demoAdminToken } from './auth/demo-admin-token';
import type { Config } from './config';
import { createKenjoClient } from './kenjo';
import { openLedger } from './ledger/open-ledger';
import { instrumentKenjo } from './metrics/instrument-kenjo';
import { createProxyMetrics } from './metrics/proxy-metrics';
import { createRetentionSchedule } from './retention/retention-schedule';
import { createReplay } from './replay/replay';
import { createDirectory } from './directory/directory';
import { directoryPort } from './directory-port';
import type { Services } from './services';

export const DEMO_API_KEY = 'demo-api-key';

export interface RunningServices {
  services: Services;
  /** ADMIN_TOKEN, or demo mode's own, kept in DATA_DIR. */
  adminToken: string;
  /** The embedded simulator's base URL in demo mode; null against a real Kenjo. */
  simulatorUrl: string | null;
  /** Starts the background work (replay, directory refresh); call once the server listens. */
  start(): void;
  close(): Promise<void>;
}

export interface ServicesOptions {
  logger: FastifyBaseLogger;
  /** The embedded simulator's port in demo mode; 0 picks a free one. */
  simulatorPort?: number;
  now?: () => number;
}

export async function startServices(config: Config, options: ServicesOptions): Promise<RunningServices> {
  const { logger, now = Date.now } = options;
  // Loaded only in demo mode: against a real Kenjo the simulator's code would sit in memory unused.
  const simulator = config.demoMode
    ? await (
        await import('./simulator/start')
      ).startSimulator({
        port: options.simulatorPort ?? 0,
        host: '127.0.0.1',
        apiKey: config.KENJO_API_KEY ?? DEMO_API_KEY,
      })
    : null;
  const ledger = await openLedger(
    { dataDir: config.DATA_DIR, databaseUrl: config.DATABASE_URL },
    {
      onUnreachable: (err, retryInMs) =>
        logger.warn({ err, retryInMs }, 'the ledger database cannot be reached yet; trying again'),
    },
  );
  const client = createKenjoClient({
    baseUrl: simulator?.baseUrl ?? config.KENJO_API_URL ?? '',
    apiKey: config.KENJO_API_KEY ?? DEMO_API_KEY,
    timeoutMs: config.KENJO_TIMEOUT_MS,
    logger: logger.child({ part: 'kenjo' }),
    now,
  });
  const metrics = createProxyMetrics({ ledger, kenjoStats: () => client.stats(), now });
  const kenjo = instrumentKenjo(client, metrics);
  const cache = createDirectory({
    kenjo,
    ledger,
    now,
    logger: logger.child({ part: 'directory' }),
    // Punches that arrived before the directory could resolve them go on the moment it loads.
    onRefreshed: () => replay.resume(),
  });
  const directory = directoryPort(cache);
  const replay = createReplay({
    ledger,
    kenjo,
    directory,
    now,
    maxShiftHours: config.MAX_SHIFT_HOURS,
    doubleScanWindowS: config.DOUBLE_SCAN_WINDOW_S,
    logger: logger.child({ part: 'replay' }),
    concurrency: config.REPLAY_CONCURRENCY,
    kenjoTimeoutMs: config.KENJO_TIMEOUT_MS,
  });
  const alerts = config.ALERT_WEBHOOK_URL
    ? createAlertMonitor({
        webhookUrl: config.ALERT_WEBHOOK_URL,
        thresholds: {
          kioskSilentMinutes: config.KIOSK_SILENT_MINUTES,
          kenjoUnreachableMinutes: config.KENJO_UNREACHABLE_MINUTES,
          backlogAgeMinutes: config.BACKLOG_AGE_MINUTES,
        },
        ledger,
        kenjoStats: () => client.stats(),
        now,
        logger: logger.child({ part: 'alerts' }),
      })
    : null;
  const retention = createRetentionSchedule({
    ledger,
    retentionDays: config.RETENTION_DAYS,
    now,
    logger: logger.child({ part: 'retention' }),
  });
  return {
    services: { ledger, kenjo, directory, replay, metrics, now },
    adminToken: config.ADMIN_TOKEN ?? demoAdminToken(config.DATA_DIR),
    simulatorUrl: simulator?.baseUrl ?? null,
    start() {
      void cache.start();
      replay.start();
      alerts?.start();
      retention.start();
    },
    async close() {
      cache.stop();
      alerts?.stop();
      retention.stop();
      await replay.stop();
      await kenjo.close();
      await ledger.close();
      await simulator?.close();
    },
  };
}
