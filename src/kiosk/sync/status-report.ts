/**
 * Tells the proxy how this kiosk is doing (`POST /api/v1/kiosk/status`), at most once per `minIntervalMs`: the
 * operator sees kiosks with punches stuck on the device or storage the browser may evict.
 */
import { postStatus } from '../api/kiosk-api';
import type { FetchFn } from '../api/http';
import type { KioskStatusReport } from '../api/types';

export const STATUS_REPORT_INTERVAL_MS = 60_000;

export interface StatusReporterOptions {
  fetch: FetchFn;
  token: string;
  collect: () => Promise<KioskStatusReport>;
  now?: () => number;
  minIntervalMs?: number;
}

export function createStatusReporter(options: StatusReporterOptions): () => Promise<void> {
  const now = options.now ?? Date.now;
  const minIntervalMs = options.minIntervalMs ?? STATUS_REPORT_INTERVAL_MS;
  let lastReportMs = Number.NEGATIVE_INFINITY;
  return async () => {
    if (now() - lastReportMs < minIntervalMs) return;
    lastReportMs = now();
    try {
      await postStatus(options.fetch, options.token, await options.collect());
    } catch {
      // A report is best effort; the next sync reports again.
      lastReportMs = Number.NEGATIVE_INFINITY;
    }
  };
}
