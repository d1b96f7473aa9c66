/**
 * Checks the alert conditions on a timer and announces each incident's start and end to the webhook. A message the
 * webhook did not take is offered again at the next check, so a short outage of the chat service loses nothing.
 */
import type { KenjoClientStats } from '../kenjo/types';
import type { Ledger } from '../ledger/ledger';
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
  ledger: Pick<Ledger, 'backlog' | 'listKiosks' | 'getSetting' | 'setSetting'>;
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

function snapshotOf({ ledger, kenjoStats, now }: AlertMonitorOptions): AlertSnapshot {
  const nowMs = now();
  const backlog = ledger.backlog(nowMs);
  const kiosks = ledger
    .listKiosks()
    .filter((kiosk) => kiosk.revokedAtMs === null)
    .map((kiosk) => ({
      id: kiosk.id,
      name: kiosk.name,
      timeZone: kiosk.timeZone,
      lastContactAtMs: kiosk.lastSeenAtMs ?? kiosk.createdAtMs,
      hours: loadOpeningHours(ledger, kiosk.id),
    }));
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
    const active = activeIncidents(snapshotOf(options), thresholds, tracker.openKeys());
    for (const change of tracker.changes(active)) {
      const result = await postAlert(webhookUrl, alertMessage(change, now()));
      if (result.kind === 'delivered') {
        tracker.announced(change, now());
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
      timer ??= setInterval(() => void check(), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
