/**
 * The real server with its ledger in PostgreSQL (`DATABASE_URL`), over HTTP against the simulator: two instances on
 * one database behind an imagined load balancer, and one instance while its database restarts. Kenjo's ground truth
 * must show every acknowledged punch once, in order per employee, with the scenario's pairs and overnight flags.
 */
import { expect, it } from 'vitest';
import { DEMO_EMPLOYEES, startSimulator, type RunningSimulator } from './simulator';
import type { RunningServer } from './start-server';
import { startInstance } from './testing/instance';
import { createTestDatabase, describePostgres, type TestDatabase } from './testing/postgres-fixture';
import {
  backlogWaiting,
  byEntryKey,
  createKiosk,
  directoryLoaded,
  kenjoGroundTruth,
  postPunches,
  sendPunches,
} from './testing/proxy-http';
import { buildScenario, kioskRuns, type Scenario } from './testing/scenario';
import {
  findPostgresBin,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from './testing/throwaway-postgres';

const API_KEY = 'database-url-api-key';
const ADMIN_TOKEN = 'database-url-admin-token-0123456789abcdef';
/** The scenario's days are fixed in the past: they must be sent, not held as too old. */
const ENV = { MAX_PUNCH_AGE_DAYS: '3650', KENJO_TIMEOUT_MS: '1500' };
const WITHIN_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WITHIN_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${WITHIN_MS} ms`);
    await sleep(100);
  }
}

function scenarioFor(kioskIds: string[], employees: number, doubleScanShare: number): Scenario {
  return buildScenario({
    employees: DEMO_EMPLOYEES.filter((e) => e.isActive).slice(0, employees),
    kioskIds,
    days: ['2026-10-23', '2026-10-24'],
    seed: 13,
    doubleScanShare,
  });
}

function expectKenjoHas(sim: RunningSimulator, scenario: Scenario): void {
  const truth = kenjoGroundTruth(sim);
  expect(truth.minutesByUser).toEqual(scenario.minutesByUser);
  expect(truth.entries).toEqual(byEntryKey(scenario.entries));
}

interface OwnRig {
  postgres: ThrowawayPostgres;
  sim: RunningSimulator;
  /** Starts an instance on this rig's database (or another URL); it is closed after the test. */
  start(databaseUrl?: string): Promise<RunningServer>;
}

/**
 * A PostgreSQL of the test's own (stopping the run's shared one would fail every other file's tests) and a simulator
 * 5 ms away; the instances the test starts, the simulator and the database are stopped after it.
 */
async function withOwnPostgres(seed: number, test: (rig: OwnRig) => Promise<void>): Promise<void> {
  const instances: RunningServer[] = [];
  const postgres = await startThrowawayPostgres(findPostgresBin() ?? '');
  let sim: RunningSimulator | null = null;
  try {
    const running = await startSimulator({ apiKey: API_KEY, seed, faults: { latencyMs: 5 } });
    sim = running;
    const start = async (databaseUrl = postgres.url) => {
      const instance = await startInstance({
        kenjoUrl: running.baseUrl,
        apiKey: API_KEY,
        adminToken: ADMIN_TOKEN,
        databaseUrl,
        env: ENV,
      });
      instances.push(instance);
      return instance;
    };
    await test({ postgres, sim: running, start });
  } finally {
    for (const instance of instances) await instance.close();
    await sim?.close();
    await postgres.stop();
  }
}

describePostgres('the server with its ledger in PostgreSQL (DATABASE_URL)', (serverUrl) => {
  it('two instances on one database deliver every punch once and in order, whichever one each request reached', async () => {
    let database: TestDatabase | null = null;
    let sim: RunningSimulator | null = null;
    const instances: RunningServer[] = [];
    try {
      database = await createTestDatabase(serverUrl);
      sim = await startSimulator({ apiKey: API_KEY, seed: 5 });
      const options = { kenjoUrl: sim.baseUrl, apiKey: API_KEY, adminToken: ADMIN_TOKEN, env: ENV };
      for (let i = 0; i < 2; i += 1)
        instances.push(await startInstance({ ...options, databaseUrl: database.url }));
      const [a, b] = instances as [RunningServer, RunningServer];
      // Each kiosk is created on one instance and used on both: kiosks live in the shared database.
      const kiosks = [
        await createKiosk(a.url, ADMIN_TOKEN, 'Front door'),
        await createKiosk(b.url, ADMIN_TOKEN, 'Yard gate'),
      ];
      const tokenOf = new Map(kiosks.map((k) => [k.id, k.token]));
      for (const instance of instances) {
        await until('the directory loaded', () => directoryLoaded(instance.url, ADMIN_TOKEN));
      }
      sim.simulator.setFaults({
        latencyMs: 10,
        serverErrorRate: 0.05,
        commitThenFailRate: 0.1,
        commitThenFailModes: ['drop'],
      });

      const scenario = scenarioFor(
        kiosks.map((k) => k.id),
        40,
        0.1,
      );
      const ordered = [...scenario.punches].sort((x, y) => x.atMs - y.atMs);
      const groups = 8;
      const size = Math.ceil(ordered.length / groups);
      const statuses: string[] = [];
      let turn = 0;
      for (let group = 0; group < groups; group += 1) {
        const slice = ordered.slice(group * size, (group + 1) * size);
        // In time order, one batch per run of one kiosk's punches: a person's punch never arrives after a later one.
        for (const { kioskId, batch } of kioskRuns(slice)) {
          const [to, other] = turn % 2 === 0 ? [a, b] : [b, a];
          turn += 1;
          statuses.push(...(await postPunches(to.url, tokenOf.get(kioskId) ?? '', batch)));
          // The kiosk never saw the answer and resends through the other instance: stored once, not twice.
          const resent = await postPunches(other.url, tokenOf.get(kioskId) ?? '', batch);
          expect(new Set(resent)).toEqual(new Set(['duplicate']));
        }
      }
      await until('both instances drained the shared backlog', async () => {
        const waiting = await Promise.all(instances.map((instance) => backlogWaiting(instance.url)));
        return waiting.every((n) => n === 0);
      });

      expect(statuses.filter((s) => s !== 'accepted')).toEqual([]);
      expect(statuses).toHaveLength(ordered.length);
      expectKenjoHas(sim, scenario);
    } finally {
      for (const instance of instances) await instance.close();
      await sim?.close();
      await database?.drop();
    }
  }, 120_000);

  it(
    'waits for a database that is down when it starts, comes up once it is back, and fails at once when refused',
    () =>
      withOwnPostgres(7, async ({ postgres, sim, start }) => {
        // A database that answers but refuses (no such database) is a configuration error, not something to wait for.
        const missing = postgres.url.replace(/\/postgres$/, '/no_such_database');
        await expect(start(missing)).rejects.toMatchObject({ code: '3D000' });

        await postgres.pause();
        let started = false;
        const starting = start().then((server) => {
          started = true;
          return server;
        });
        await sleep(3_000);
        expect(started).toBe(false);
        await postgres.resume();
        const { url } = await starting;

        const kiosk = await createKiosk(url, ADMIN_TOKEN, 'Front door');
        await until('the directory loaded', () => directoryLoaded(url, ADMIN_TOKEN));
        const scenario = scenarioFor([kiosk.id], 4, 0);
        expect(new Set(await postPunches(url, kiosk.token, scenario.punches))).toEqual(new Set(['accepted']));
        await until('the backlog drained', async () => (await backlogWaiting(url)) === 0);
        expectKenjoHas(sim, scenario);
      }),
    120_000,
  );

  it(
    'answers 503 while its database is down, stores nothing then, and takes the resend once it is back',
    () =>
      withOwnPostgres(6, async ({ postgres, sim, start }) => {
        const { url } = await start();
        const kiosk = await createKiosk(url, ADMIN_TOKEN, 'Front door');
        await until('the directory loaded', () => directoryLoaded(url, ADMIN_TOKEN));
        const scenario = scenarioFor([kiosk.id], 8, 0);
        const ordered = [...scenario.punches].sort((x, y) => x.atMs - y.atMs);
        const half = Math.ceil(ordered.length / 2);
        const [first, second] = [ordered.slice(0, half), ordered.slice(half)];
        expect(new Set(await postPunches(url, kiosk.token, first))).toEqual(new Set(['accepted']));

        await postgres.pause();
        const refused = await sendPunches(url, kiosk.token, second);
        expect(refused.status).toBe(503);
        expect(refused.headers.get('retry-after')).toBe('5');
        expect(await refused.json()).toEqual({
          error: { code: 'ledger-unavailable', message: expect.stringMatching(/database/) },
        });
        expect((await fetch(`${url}/api/v1/health`)).status).toBe(503);
        await sleep(1_500);
        await postgres.resume();

        // As the kiosk does: the batch it kept is sent again until the server answers it.
        let statuses: string[] = [];
        await until('the server took the resent batch', async () => {
          const res = await sendPunches(url, kiosk.token, second);
          if (res.status === 503) return false;
          statuses = ((await res.json()) as { results: Array<{ status: string }> }).results.map(
            (r) => r.status,
          );
          return true;
        });
        expect(new Set(statuses)).toEqual(new Set(['accepted']));
        await until('the backlog drained', async () => (await backlogWaiting(url)) === 0);
        expectKenjoHas(sim, scenario);
      }),
    120_000,
  );
});
