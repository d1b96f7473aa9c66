/**
 * The delivery promise under every fault at once: three kiosks, 240 employees, three days of day, split and night
 * shifts (one night across the October DST change) with double scans, fed through the real ingest in shuffled and
 * resent batches, replayed over HTTP to the simulator with 5xx, 429, commit-then-fail (5xx, drop, stall), expiring
 * tokens and latency. The simulator's ground truth must then hold every punch exactly once, in order per employee,
 * and every night shift as one overnight entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKenjoClient } from '../kenjo';
import type { Ledger } from '../ledger/ledger';
import { openSqliteLedger } from '../ledger/sqlite-ledger';
import { DEMO_EMPLOYEES, startSimulator, type RunningSimulator } from '../simulator';
import { createReplay } from './replay';
import { staticDirectory } from '../testing/demo-directory';
import { memoryLogger } from '../testing/harness';
import { ingestDriver, kioskRecord } from '../testing/ingest-driver';
import { buildScenario, SCENARIO_ZONE, seededRandom, type ScenarioPunch } from '../testing/scenario';

const KIOSK_IDS = ['front-door', 'yard-gate', 'office'];
const DAYS = ['2026-10-23', '2026-10-24', '2026-10-25'];
/** Phase one (shuffled, before replay starts) ends at this instant: midnight of the DST night, Berlin time. */
const PHASE_TWO_FROM_MS = Date.parse('2026-10-25T00:00:00+02:00');
const INGEST_NOW_MS = Date.parse('2026-10-27T12:00:00Z');
const SLICE_MS = 3 * 3600_000;
const DEADLINE_MS = 75_000;

const employees = DEMO_EMPLOYEES.filter((e) => e.isActive).slice(0, 240);
const scenario = buildScenario({
  employees,
  kioskIds: KIOSK_IDS,
  days: DAYS,
  seed: 20261025,
  doubleScanShare: 0.12,
});
const random = seededRandom(42);

function shuffle<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Each kiosk's punches cut into batches of 1–40, chronological within the kiosk when `ordered`. */
function batches(punches: readonly ScenarioPunch[], ordered: boolean): Array<[string, ScenarioPunch[]]> {
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
}

const minute = (wallTime: string | null) => (wallTime === null ? null : wallTime.slice(0, 16));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('delivery to Kenjo under every fault at once', () => {
  let sim: RunningSimulator;
  let ledger: Ledger;
  beforeAll(async () => {
    sim = await startSimulator({
      seed: 11,
      faults: {
        latencyMs: 2,
        serverErrorRate: 0.08,
        rateLimitRate: 0.006,
        retryAfterS: 1,
        commitThenFailRate: 0.1,
        commitThenFailModes: ['5xx', 'drop', 'stall'],
        stallMs: 1500,
        tokenLifetimeS: 2,
      },
    });
    ledger = openSqliteLedger(':memory:');
  });
  afterAll(async () => {
    await sim.close();
    ledger.close();
  });

  it('delivers every punch exactly once, in order per employee, each night shift as one overnight entry', async () => {
    const startedAtMs = Date.now();
    const logger = memoryLogger();
    const directory = staticDirectory(DEMO_EMPLOYEES);
    const kenjo = createKenjoClient({ baseUrl: sim.baseUrl, apiKey: 'demo-api-key', timeoutMs: 300 });
    const replay = createReplay({
      ledger,
      kenjo,
      directory,
      now: Date.now,
      maxShiftHours: 16,
      logger,
      concurrency: 8,
      backoff: { baseMs: 50, maxMs: 1000 },
      readBackDelayMs: 100,
      tickMs: 50,
    });
    const kiosks = KIOSK_IDS.map((id) => kioskRecord(id, SCENARIO_ZONE, INGEST_NOW_MS));
    const ingest = ingestDriver({
      ledger,
      directory,
      kiosks,
      nowMs: INGEST_NOW_MS,
      onStored: () => replay.kick(),
    });

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

    while (ledger.backlog(Date.now()).waiting > 0) {
      if (Date.now() - startedAtMs > DEADLINE_MS)
        throw new Error(`not drained: ${JSON.stringify(ledger.countByStatus())}`);
      await sleep(50);
    }
    await replay.stop();
    await kenjo.close();

    const real = scenario.punches.filter((p) => !p.doubleScan);
    const doubles = scenario.punches.length - real.length;
    expect(ingest.results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(ingest.results.filter((r) => r.status === 'duplicate').length).toBeGreaterThan(0);
    expect(ledger.countByStatus()).toMatchObject({
      sent: real.length,
      ignored: doubles,
      failed: 0,
      queued: 0,
      sending: 0,
    });

    // Exactly once and in order: per employee, the applied calls' minutes are the scenario's, in the same order.
    const log = sim.simulator.log();
    const byUser = new Map<string, string[]>();
    for (const entry of log)
      byUser.set(entry.employeeId, [...(byUser.get(entry.employeeId) ?? []), entry.dateTime.slice(0, 16)]);
    expect(log).toHaveLength(real.length);
    expect(byUser).toEqual(scenario.minutesByUser);

    // Every shift is one entry; every night shift one overnight entry closed by a flagged call.
    const entries = sim.simulator.state().attendances.map((e) => ({
      userId: e.userId,
      date: e.date,
      start: minute(e.startTime),
      end: minute(e.endTime),
      overnight: e.isOvernightShift,
    }));
    const key = (e: { userId: string; start: string | null }) => `${e.userId} ${e.start}`;
    const sortByKey = <T extends { userId: string; start: string | null }>(list: T[]) =>
      [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sortByKey(entries)).toEqual(sortByKey(scenario.entries));
    const nights = scenario.entries.filter((e) => e.overnight).length;
    expect(log.filter((e) => e.appliedAs === 'overnight-close')).toHaveLength(nights);
    expect(entries.some((e) => e.date === '2026-10-24' && e.overnight)).toBe(true);

    // Every fault kind actually happened, so the test cannot pass vacuously.
    const reasons = logger.lines.map((l) => String(l.obj.reason ?? ''));
    const counters = sim.simulator.counters();
    const seen = {
      serverErrorBeforeApply: reasons.some((r) => r.includes('Kenjo answered 503')),
      serverErrorAfterApply: reasons.some((r) => r.includes('Kenjo answered 502')),
      rateLimit: reasons.some((r) => r.includes('(429)')),
      globalPause: logger.lines.some((l) => l.msg === 'Kenjo asked to wait; pausing all calls'),
      stall: reasons.some((r) => r.includes('no complete answer within 300 ms')),
      drop: reasons.some((r) => r.includes('connection failed')),
      readBackHasIt: reasons.some((r) => r.startsWith('read back: Kenjo has it')),
      readBackLacksIt: reasons.some((r) => r.startsWith('read back: Kenjo does not have it')),
      tokenRenewed: counters.logins > 2,
    };
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, true])));
    if (process.env.DELIVERY_FIGURES) {
      console.info({
        punches: scenario.punches.length,
        real: real.length,
        doubles,
        nights,
        counters,
        durationMs: Date.now() - startedAtMs,
      });
    }
  }, 90_000);
});
