/**
 * The delivery scenario through two proxy processes on one PostgreSQL database: kiosks' batches spread over both
 * instances (some resent, to either), replay under the given Kenjo faults, and between groups of batches one
 * instance SIGKILLed at a random moment, the next batches taken by the other alone, then the killed one restarted.
 * It returns once no punch waits; the caller compares the simulator's ground truth with the scenario.
 */
import type { Punch } from '../../core/punch';
import { DEMO_EMPLOYEES, startSimulator, type RunningSimulator } from '../simulator';
import type { Faults } from '../simulator/faults';
import { startInstancePair, type InstancePair } from './instance-pair';
import { createTestDatabase, type TestDatabase } from './postgres-fixture';
import { backlogWaiting, createKiosk, sleep, waitForDirectory } from './proxy-http';
import { buildScenario, kioskRuns, SCENARIO_ZONE, seededRandom, type Scenario } from './scenario';

const API_KEY = 'instances-api-key';
const ADMIN_TOKEN = 'instances-admin-token-0123456789abcdef';
const READY_WITHIN_MS = 90_000;

export interface InstancesRunOptions {
  postgresServerUrl: string;
  employees: number;
  days: readonly string[];
  faults: Partial<Faults>;
  kills: number;
  seed: number;
  deadlineMs: number;
}

export interface InstancesRun {
  sim: RunningSimulator;
  scenario: Scenario;
  /** The answers to first sendings, then to resendings. */
  statuses: string[];
  resent: string[];
  /** Which instance each kill hit. */
  killed: number[];
  pair: InstancePair;
  close(): Promise<void>;
}

export async function runAcrossInstances(options: InstancesRunOptions): Promise<InstancesRun> {
  const startedAtMs = Date.now();
  const random = seededRandom(options.seed);
  const database: TestDatabase = await createTestDatabase(options.postgresServerUrl);
  const sim = await startSimulator({ apiKey: API_KEY, seed: options.seed });
  let pair: InstancePair | null = null;
  const close = async () => {
    await pair?.close();
    await sim.close();
    await database.drop();
  };
  try {
    pair = await startInstancePair({
      KENJO_API_URL: sim.baseUrl,
      KENJO_API_KEY: API_KEY,
      ADMIN_TOKEN,
      DATABASE_URL: database.url,
      KENJO_TIMEOUT_MS: '1500',
      LOG_LEVEL: 'warn',
      // The scenario's days are fixed in the past; they must be sent, not held as too old.
      MAX_PUNCH_AGE_DAYS: '3650',
    });
    const live = pair;
    const names = ['Front door', 'Yard gate', 'Office'];
    const kiosks = [];
    for (const name of names)
      kiosks.push(await createKiosk(live.at(0).url, ADMIN_TOKEN, name, SCENARIO_ZONE));
    for (const index of [0, 1])
      await waitForDirectory(live.at(index).url, kiosks[0]?.token ?? '', READY_WITHIN_MS);
    sim.simulator.setFaults(options.faults);

    const scenario = buildScenario({
      employees: DEMO_EMPLOYEES.filter((e) => e.isActive).slice(0, options.employees),
      kioskIds: kiosks.map((k) => k.id),
      days: options.days,
      seed: options.seed,
      doubleScanShare: 0.1,
    });
    const tokenOf = new Map(kiosks.map((k) => [k.id, k.token]));
    const ordered = [...scenario.punches].sort((a, b) => a.atMs - b.atMs);
    const groupSize = Math.ceil(ordered.length / (options.kills + 1));
    const posted: Array<[string, Punch[]]> = [];
    const statuses: string[] = [];
    const resent: string[] = [];
    const killed: number[] = [];
    const sendGroup = async (group: number) => {
      const slice = ordered.slice(group * groupSize, (group + 1) * groupSize);
      for (const run of kioskRuns(slice)) {
        const batch = run.batch.map((p) => p.punch);
        statuses.push(...(await live.send(tokenOf.get(run.kioskId) ?? '', batch, random)));
        posted.push([run.kioskId, batch]);
      }
      const [kioskId, again] = posted[Math.floor(random() * posted.length)] ?? ['', []];
      resent.push(...(await live.send(tokenOf.get(kioskId) ?? '', again, random)));
    };

    await sendGroup(0);
    const first = Math.floor(random() * 2);
    for (let kill = 0; kill < options.kills; kill += 1) {
      // Alternating, so that each instance dies; the moment is random, with replay under way.
      const victim = (kill + first) % 2;
      await sleep(300 + Math.floor(random() * 1200));
      await live.kill(victim);
      killed.push(victim);
      await sendGroup(kill + 1);
      await live.restart(victim);
    }

    for (;;) {
      const waiting = await Promise.all([0, 1].map((i) => backlogWaiting(live.at(i).url)));
      if (waiting.every((n) => n === 0)) break;
      if (Date.now() - startedAtMs > options.deadlineMs) {
        throw new Error(`not drained (${waiting.join(', ')} waiting):\n${live.output().slice(-4000)}`);
      }
      await sleep(200);
    }
    return { sim, scenario, statuses, resent, killed, pair: live, close };
  } catch (err) {
    await close();
    throw err;
  }
}
