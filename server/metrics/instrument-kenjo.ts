/**
 * The Kenjo client with each call counted and timed for `/metrics`. A decorator, so the client itself stays free of
 * metrics and every caller (replay, its read-back, the directory) is measured the same way.
 */
import { performance } from 'node:perf_hooks';
import type { KenjoClient } from '../kenjo/types';
import type { KenjoCall, ProxyMetrics } from './proxy-metrics';

/** Times `call`; a read that throws is `unavailable` (and rethrown), one that returns is `ok`. */
async function timedRead<T>(metrics: ProxyMetrics, call: KenjoCall, read: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  try {
    const value = await read();
    metrics.observeKenjoCall(call, 'ok', (performance.now() - startedAt) / 1000);
    return value;
  } catch (err) {
    metrics.observeKenjoCall(call, 'unavailable', (performance.now() - startedAt) / 1000);
    throw err;
  }
}

export function instrumentKenjo(kenjo: KenjoClient, metrics: ProxyMetrics): KenjoClient {
  return {
    async trackTime(request) {
      const startedAt = performance.now();
      const outcome = await kenjo.trackTime(request);
      metrics.observeKenjoCall('track-time', outcome.kind, (performance.now() - startedAt) / 1000);
      return outcome;
    },
    listEmployees: () => timedRead(metrics, 'employees', () => kenjo.listEmployees()),
    listAttendances: (from, to) => timedRead(metrics, 'attendances', () => kenjo.listAttendances(from, to)),
    stats: () => kenjo.stats(),
    close: () => kenjo.close(),
  };
}
