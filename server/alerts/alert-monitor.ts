/**
 * Checks the alert conditions on a timer and announces each incident's start and end to the webhook. A message the
 * webhook did not take is offered again at the next check, so a short outage of the chat service loses nothing.
 */
import { randomUUID } from 'node:crypto';
import type { KenjoClientStats } from '../kenjo/types';
import type { AsyncLedger } from '../ledger/async-ledger';
import { type AlertSnapshot, type AlertThresholds, activeIncidents } from './conditions';
import { IncidentTracker } from './incident-tracker';
import { loadOpeningHours } from './opening-hours-store';
import { alertMessage, postAlert } from './webhook';

export const ALERT_CHECK_INTERVAL_MS = 30_000;
/**
 * The claim that makes one instance of those sharing a ledger the one that checks and announces, so that an incident
 * is announced once, not once per instance. It is not a Kenjo id, so it cannot be an employee's; an instance that
 * dies hands the role over when its claim lapses.
 */
export const ALERT_WATCH_CLAIM = 'role:alert-monitor';
const CLAIM_CHECKS = 3;

export interface AlertLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface AlertMonitorOptions {
  webhookUrl: string;
  thresholds: AlertThresholds;
  ledger: Pick<
    AsyncLedger,
    'backlog' | 'listKiosks' | 'getSetting' | 'setSetting' | 'claimEmployees' | 'releaseEmployees'
  >;
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
  const owner = randomUUID();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  /** Claims (or renews) the watch: one instance announces at a time. */
  async function holdWatch(): Promise<boolean> {
    const held = await options.ledger.claimEmployees(owner, [ALERT_WATCH_CLAIM], CLAIM_CHECKS * intervalMs);
    return held.has(ALERT_WATCH_CLAIM);
  }

  async function runCheck(): Promise<void> {
    if (!(await holdWatch())) return;
    await tracker.load();
    const active = activeIncidents(await snapshotOf(options), thresholds, tracker.openKeys());
    for (const change of tracker.changes(active)) {
      // Renewed before each post: many slow webhook posts must not outlast the claim, or another instance would
      // take the watch over and announce the same incidents again.
      if (!(await holdWatch())) return;
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
      void options.ledger.releaseEmployees(owner, [ALERT_WATCH_CLAIM]).catch(() => undefined);
    },
  };
}
