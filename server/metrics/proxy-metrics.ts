/**
 * The proxy's Prometheus metrics, one registry per running proxy (tests build many side by side). Counters and the
 * latency histogram are fed as things happen; the ledger's state (backlog, punches by status, kiosks) is read when
 * Prometheus scrapes, so a scrape always shows what is stored, never a copy that could drift.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { KioskRecord } from '../ledger/ledger';
import type { KenjoClientStats } from '../kenjo/types';

export const METRIC_PREFIX = 'kiosk_proxy_';

/** Which Kenjo call a latency belongs to; `attendances` is the read-back that settles a doubtful track-time. */
export type KenjoCall = 'track-time' | 'employees' | 'attendances';

export interface ProxyMetrics {
  registry: Registry;
  /** One finished Kenjo call: `outcome` is the track-time outcome's kind, or `ok` / `unavailable` for reads. */
  observeKenjoCall(call: KenjoCall, outcome: string, seconds: number): void;
  /** One answered punch of an ingest batch: `accepted`, `duplicate` or `rejected`. */
  countReceived(status: string): void;
}

export interface MetricsSources {
  ledger: Pick<AsyncLedger, 'backlog' | 'countByStatus' | 'listKiosks'>;
  kenjoStats: () => KenjoClientStats;
  now: () => number;
}

const seconds = (ms: number) => ms / 1000;

export function createProxyMetrics({ ledger, kenjoStats, now }: MetricsSources): ProxyMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  const name = (short: string) => `${METRIC_PREFIX}${short}`;
  const registers = [registry];

  const kenjoCalls = new Counter({
    name: name('kenjo_calls_total'),
    help: 'Calls to Kenjo by call and outcome.',
    labelNames: ['call', 'outcome'] as const,
    registers,
  });
  const kenjoLatency = new Histogram({
    name: name('kenjo_call_duration_seconds'),
    help: 'Duration of calls to Kenjo, login included, by call and outcome.',
    labelNames: ['call', 'outcome'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const received = new Counter({
    name: name('punches_received_total'),
    help: 'Punches answered to kiosks by result (accepted, duplicate, rejected); rate() gives the ingest rate.',
    labelNames: ['result'] as const,
    registers,
  });

  new Gauge({
    name: name('backlog_punches'),
    help: 'Punches waiting to be sent to Kenjo (queued or sending).',
    registers,
    async collect() {
      this.set((await ledger.backlog(now())).waiting);
    },
  });
  new Gauge({
    name: name('backlog_oldest_age_seconds'),
    help: 'Age of the oldest punch waiting to be sent to Kenjo; 0 when none waits.',
    registers,
    async collect() {
      const oldest = (await ledger.backlog(now())).oldestReceivedAtMs;
      this.set(oldest === null ? 0 : Math.max(0, seconds(now() - oldest)));
    },
  });
  new Gauge({
    name: name('punches'),
    help: 'Punches in the ledger by status.',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      for (const [status, count] of Object.entries(await ledger.countByStatus())) this.set({ status }, count);
    },
  });
  new Gauge({
    name: name('kenjo_last_success_timestamp_seconds'),
    help: 'When Kenjo last answered (a refusal counts as an answer); 0 before the first answer.',
    registers,
    collect() {
      this.set(seconds(kenjoStats().lastSuccessAtMs ?? 0));
    },
  });
  /** One series per kiosk that is not revoked, rebuilt at each scrape so renamed or revoked kiosks drop out. */
  const kioskGauge = (short: string, help: string, value: (kiosk: KioskRecord) => number) =>
    new Gauge({
      name: name(short),
      help,
      labelNames: ['kiosk_id', 'kiosk'] as const,
      registers,
      async collect() {
        const kiosks = await ledger.listKiosks();
        this.reset();
        for (const kiosk of kiosks) {
          if (kiosk.revokedAtMs === null) this.set({ kiosk_id: kiosk.id, kiosk: kiosk.name }, value(kiosk));
        }
      },
    });
  kioskGauge(
    'kiosk_last_contact_timestamp_seconds',
    'When each kiosk last reached the proxy; 0 before its first contact. Revoked kiosks are left out.',
    (kiosk) => seconds(kiosk.lastSeenAtMs ?? 0),
  );
  kioskGauge(
    'kiosk_waiting_punches',
    'Punches each kiosk reported still waiting on the device, as of its last contact.',
    (kiosk) => kiosk.pendingOnDevice ?? 0,
  );

  return {
    registry,
    observeKenjoCall(call, outcome, duration) {
      kenjoCalls.inc({ call, outcome });
      kenjoLatency.observe({ call, outcome }, duration);
    },
    countReceived(status) {
      received.inc({ result: status });
    },
  };
}
