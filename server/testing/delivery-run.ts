/**
 * The delivery scenario of `delivery.test.ts`, runnable against any simulator faults: three kiosks, three days of
 * day, split and night shifts (one night across the October DST change) with double scans, fed through the real
 * ingest in shuffled and resent batches while the replay runs over HTTP. It returns once nothing is in flight and
 * every punch still waiting is behind one held for an operator; the caller compares the ground truth.
 */
import { createKenjoClient } from '../kenjo';
import type { Ledger } from '../ledger/ledger';
import { asyncOf, memoryLedger } from './ledger-factories';
import { createReplay } from '../replay/replay';
import { DEMO_EMPLOYEES, startSimulator, type RunningSimulator } from '../simulator';
import type { Faults } from '../simulator/faults';
import { staticDirectory } from './demo-directory';
import { memoryLogger } from './harness';
import { ingestDriver, kioskRecord, type IngestDriver } from './ingest-driver';
import { buildScenario, SCENARIO_ZONE, seededRandom, type Scenario, type ScenarioPunch } from './scenario';

const KIOSK_IDS = ['front-door', 'yard-gate', 'office'];
const DAYS = ['2026-10-23', '2026-10-24', '2026-10-25'];
/** Phase one (shuffled, before replay starts) ends at this instant: midnight of the DST night, Berlin time. */
const PHASE_TWO_FROM_MS = Date.parse('2026-10-25T00:00:00+02:00');
const INGEST_NOW_MS = Date.parse('2026-10-27T12:00:00Z');
const SLICE_MS = 3 * 3600_000;

/** Every fault at once: 5xx, 429, commit-then-fail (5xx, drop, stall), expiring tokens, latency. */
export const ALL_FAULTS = {
  latencyMs: 2,
  serverErrorRate: 0.08,
  rateLimitRate: 0.006,
  retryAfterS: 1,
  commitThenFailRate: 0.1,
  commitThenFailModes: ['5xx', 'drop', 'stall'] as Faults['commitThenFailModes'],
  stallMs: 1500,
  tokenLifetimeS: 2,
};

export interface DeliveryRun {
  sim: RunningSimulator;
  ledger: Ledger;
  scenario: Scenario;
  ingest: IngestDriver;
  logger: ReturnType<typeof memoryLogger>;
  durationMs: number;
  close(): Promise<void>;
}

export interface DeliveryOptions {
  employees: number;
  faults: Partial<Faults>;
  seed?: number;
  withSeconds?: boolean;
  deadlineMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nothing in flight, and every queued punch waits behind its employee's punch held for an operator. */
function settled(ledger: Ledger): boolean {
  const counts = ledger.countByStatus();
  if (counts.sending > 0) return false;
  if (counts.queued === 0) return true;
  const queued = ledger.listPunches({ status: ['queued'], limit: 500 }).punches;
  return queued.every(
    (p) => p.employeeKey !== null && ledger.nextChainHead(p.employeeKey)?.status === 'failed',
  );
}

export async function runDelivery(options: DeliveryOptions): Promise<DeliveryRun> {
  const startedAtMs = Date.now();
  const random = seededRandom(42);
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  /** Each kiosk's punches cut into batches of 1–40, chronological within the kiosk when `ordered`. */
  const batches = (punches: readonly ScenarioPunch[], ordered: boolean) => {
    const out: Array<[string, ScenarioPunch[]]> = [];
    for (const kioskId of KIOSK_IDS) {
      const mine = punches.filter((p) => p.kioskId === kioskId);
      const list = ordered ? mine.sort((a, b) => a.atMs - b.atMs) : shuffle(mine);
      for (let i = 0; i < list.length;) {
        const size = 1 + Math.floor(random() * 40);
        out.push([kioskId, list.slice(i, i + size)]);
        i += size;
      }
    }
    return out;
  };

  const scenario = buildScenario({
    employees: DEMO_EMPLOYEES.filter((e) => e.isActive).slice(0, options.employees),
    kioskIds: KIOSK_IDS,
    days: DAYS,
    seed: options.seed ?? 20261025,
    doubleScanShare: 0.12,
    withSeconds: options.withSeconds ?? false,
  });
  const sim = await startSimulator({ seed: 11, faults: options.faults });
  const ledger = memoryLedger();
  const logger = memoryLogger();
  const directory = staticDirectory(DEMO_EMPLOYEES);
  const kenjo = createKenjoClient({ baseUrl: sim.baseUrl, apiKey: 'demo-api-key', timeoutMs: 300 });
  const replay = createReplay({
    ledger: asyncOf(ledger),
    kenjo,
    directory,
    now: Date.now,
    maxShiftHours: 16,
    logger,
    concurrency: 8,
    backoff: { baseMs: 50, maxMs: 1000 },
    // A call the client gave up on may still be applied by a busy Kenjo (or simulator on a loaded machine): wait.
    readBackDelayMs: 500,
    tickMs: 50,
  });
  const kiosks = KIOSK_IDS.map((id) => kioskRecord(id, SCENARIO_ZONE, INGEST_NOW_MS));
  const ingest = ingestDriver({
    ledger: asyncOf(ledger),
    directory,
    kiosks,
    nowMs: INGEST_NOW_MS,
    onStored: () => replay.kick(),
  });
  const close = async () => {
    await replay.stop();
    await kenjo.close();
    await sim.close();
    ledger.close();
  };

  try {
    // Phase one: kiosks that were offline for two days deliver out of order, some batches twice.
    const phaseOne = batches(
      scenario.punches.filter((p) => p.atMs < PHASE_TWO_FROM_MS),
      false,
    );
    for (const [kioskId, batch] of shuffle([...phaseOne, ...phaseOne.filter(() => random() < 0.2)])) {
      await ingest.post(kioskId, batch);
    }
    replay.start();

    // Phase two: live traffic while replay runs, slice by slice, with resends.
    const later = scenario.punches.filter((p) => p.atMs >= PHASE_TWO_FROM_MS);
    const sent: Array<[string, ScenarioPunch[]]> = [];
    for (let from = PHASE_TWO_FROM_MS; later.some((p) => p.atMs >= from); from += SLICE_MS) {
      const slice = later.filter((p) => p.atMs >= from && p.atMs < from + SLICE_MS);
      for (const [kioskId, batch] of shuffle(batches(slice, true).filter(([, b]) => b.length > 0))) {
        await ingest.post(kioskId, batch);
        sent.push([kioskId, batch]);
      }
      const again = sent[Math.floor(random() * sent.length)];
      if (again) await ingest.post(...again);
      await sleep(100);
    }

    while (!settled(ledger)) {
      if (Date.now() - startedAtMs > options.deadlineMs)
        throw new Error(`not drained: ${JSON.stringify(ledger.countByStatus())}`);
      await sleep(50);
    }
    await replay.stop();
  } catch (err) {
    await close();
    throw err;
  }
  return { sim, ledger, scenario, ingest, logger, durationMs: Date.now() - startedAtMs, close };
}
