/**
 * Checks the alert conditions on a timer and announces each incident's start and end to the webhook. A message the
 * webhook did not take is offered again at the next check, so a short outage of the chat service loses nothing.
 */
import type { KenjoClientStats } from '../kenjo/types';
import type { AsyncLedger } from '../ledger/async-ledger';
import { type AlertSnapshot, type AlertThresholds, activeIncidents } from './conditions';
import { IncidentTracker } from './incident-tracker';
import { loadOpeningHours } from './opening-hours-store';
import { alertMessage, postAlert } from './webhook';

export const ALERT_CHECK_INTERVAL_MS = 30_000;

export interface AlertLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface AlertMonitorOptions {
  webhookUrl: string;
  thresholds: AlertThresholds;
  ledger: Pick<AsyncLedger, 'backlog' | 'listKiosks' | 'getSetting' | 'setSetting'>;
  kenjoStats: () => KenjoClientStats;
  now: () => number;
  logger: AlertLogger;
  intervalMs?: number;
}

export interface AlertMonitor {
  /** One check: evaluates the conditions and posts what changed; resolves once the posts are done. */
  check(): Promise<void>;
  start(): void;
  stop(): void;
}

async function snapshotOf({ ledger, kenjoStats, now }: AlertMonitorOptions): Promise<AlertSnapshot> {
  const nowMs = now();
  const backlog = await ledger.backlog(nowMs);
  const kiosks = [];
  for (const kiosk of await ledger.listKiosks()) {
    if (kiosk.revokedAtMs !== null) continue;
    kiosks.push({
      id: kiosk.id,
      name: kiosk.name,
      timeZone: kiosk.timeZone,
      lastContactAtMs: kiosk.lastSeenAtMs ?? kiosk.createdAtMs,
      hours: await loadOpeningHours(ledger, kiosk.id),
    });
  }
  return {
    nowMs,
    kiosks,
    oldestWaitingAtMs: backlog.oldestReceivedAtMs,
    failed: backlog.failed,
    kenjoUnreachableSinceMs: kenjoStats().unreachableSinceMs,
  };
}

export function createAlertMonitor(options: AlertMonitorOptions): AlertMonitor {
  const { webhookUrl, thresholds, now, logger, intervalMs = ALERT_CHECK_INTERVAL_MS } = options;
  const tracker = new IncidentTracker(options.ledger);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  async function runCheck(): Promise<void> {
    await tracker.load();
    const active = activeIncidents(await snapshotOf(options), thresholds, tracker.openKeys());
    for (const change of tracker.changes(active)) {
      const result = await postAlert(webhookUrl, alertMessage(change, now()));
      if (result.kind === 'delivered') {
        await tracker.announced(change, now());
        logger.info({ incident: change.key, state: change.state }, `alert ${change.state}: ${change.text}`);
      } else {
        logger.warn(
          { incident: change.key, detail: result.detail },
          'alert not delivered; retrying at the next check',
        );
      }
    }
  }

  const check = () => {
    // One check at a time: a slow webhook must not let two checks announce the same incident twice.
    running ??= runCheck().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    check,
    start() {
      // A ledger that cannot be read now (the database restarting) is asked again at the next check.
      timer ??= setInterval(
        () =>
          void check().catch((error: unknown) =>
            logger.warn(
              { err: error instanceof Error ? error.message : String(error) },
              'alert check failed',
            ),
          ),
        intervalMs,
      );
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
