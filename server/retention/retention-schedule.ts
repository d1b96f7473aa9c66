/**
 * Deletes settled punches older than `RETENTION_DAYS` at start and then every few hours: Kenjo holds the record, and
 * the proxy keeps personal data no longer than it needs to answer duplicates and to show recent history. Deleting
 * goes in small batches with a turn of the event loop between them, so ingest is never held up for long.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AsyncLedger } from '../ledger/async-ledger';

export const RETENTION_INTERVAL_MS = 6 * 60 * 60 * 1000;
export const RETENTION_BATCH_SIZE = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionOptions {
  ledger: Pick<AsyncLedger, 'deleteSettledPunches'>;
  retentionDays: number;
  now: () => number;
  logger: { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
  intervalMs?: number;
}

export interface RetentionSchedule {
  /** One pass: deletes every settled punch past the retention period; resolves with how many. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): void;
}

export function createRetentionSchedule(options: RetentionOptions): RetentionSchedule {
  const { ledger, retentionDays, now, logger, intervalMs = RETENTION_INTERVAL_MS } = options;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function runOnce(): Promise<number> {
    const beforeMs = now() - retentionDays * DAY_MS;
    let deleted = 0;
    for (;;) {
      const n = await ledger.deleteSettledPunches(beforeMs, RETENTION_BATCH_SIZE);
      deleted += n;
      if (n < RETENTION_BATCH_SIZE || stopped) break;
      await nextTurn();
    }
    if (deleted > 0) {
      logger.info(
        { deleted, before: new Date(beforeMs).toISOString() },
        'settled punches past retention deleted',
      );
    }
    return deleted;
  }

  const pass = () =>
    void runOnce().catch((err: unknown) => logger.error({ err }, 'retention pass failed; retried later'));

  return {
    runOnce,
    start() {
      stopped = false;
      pass();
      timer ??= setInterval(pass, intervalMs);
      timer.unref();
    },
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
