/**
 * Crash safety of the real server: `tsx server/main.ts` against a simulator whose calls often commit and then stall,
 * killed with SIGKILL at random moments during replay and restarted, with punches posted before and between kills
 * (some batches resent, as a kiosk does when it never saw the answer). Every acknowledged punch must reach Kenjo
 * exactly once, in order per employee: `sending` leftovers are read back after each restart, never resent blindly.
 * Every start is a new process with a new Kenjo client, so the simulator must see at least one login per start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteLedger } from '../ledger/sqlite-ledger';
import { DEMO_EMPLOYEES, startSimulator, type RunningSimulator } from '../simulator';
import {
  backlogWaiting,
  byEntryKey,
  createKiosk,
  directoryLoaded,
  kenjoGroundTruth,
  postPunches,
} from '../testing/proxy-http';
import { buildScenario, kioskRuns, seededRandom, type ScenarioPunch } from '../testing/scenario';
import { freePort, startServerProcess, type ServerProcess } from '../testing/server-process';

const API_KEY = 'crash-test-api-key';
const ADMIN_TOKEN = 'crash-test-admin-token-0123456789abcdef';
const KILLS = 6;
const DEADLINE_MS = 100_000;
/** How long a started server may take to load its directory, or to make its first successful Kenjo call. */
const READY_WITHIN_MS = 30_000;
const random = seededRandom(99);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `ready` until it holds; fails the test, naming `what`, if it does not within READY_WITHIN_MS. */
async function waitUntil(server: ServerProcess, what: string, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (!(await ready())) {
    if (Date.now() > deadline) {
      throw new Error(
        `${what} within ${READY_WITHIN_MS} ms; server output:\n${server.output().slice(-3000)}`,
      );
    }
    await sleep(100);
  }
}

/** Without its employee directory the server can resolve no punch, so the test cannot start before it loads. */
async function waitForDirectory(server: ServerProcess): Promise<void> {
  await waitUntil(server, 'the server did not load its employee directory from Kenjo', () =>
    directoryLoaded(server.url, ADMIN_TOKEN),
  );
}

/**
 * A fresh process logged in to Kenjo (every process needs its own token): the simulator counts one more login than
 * before the restart. The health answer says only whether Kenjo answers lately, not whether this process did.
 */
async function waitForKenjo(
  server: ServerProcess,
  sim: RunningSimulator,
  loginsBefore: number,
): Promise<void> {
  await waitUntil(
    server,
    'the restarted server did not log in to Kenjo',
    async () => sim.simulator.counters().logins > loginsBefore,
  );
}

/** How many punches the killed process left `sending`: committed before a call whose outcome it never learnt. */
function sendingLeftIn(dataDir: string): number {
  const ledger = openSqliteLedger(dataDir);
  try {
    return ledger.countByStatus().sending;
  } finally {
    ledger.close();
  }
}

describe('replay across SIGKILL and restart of the real server', () => {
  let sim: RunningSimulator | null = null;
  let server: ServerProcess | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
  afterAll(async () => {
    await server?.kill();
    await sim?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing acknowledged and doubles nothing', async () => {
    const startedAtMs = Date.now();
    // Faults go on once the server has loaded its employee directory: a failed first load is the directory's
    // concern, not replay's.
    sim = await startSimulator({ apiKey: API_KEY, seed: 3 });
    const env = {
      KENJO_API_URL: sim.baseUrl,
      KENJO_API_KEY: API_KEY,
      ADMIN_TOKEN,
      DATA_DIR: dataDir,
      KENJO_TIMEOUT_MS: '1500',
      LOG_LEVEL: 'info',
      // The scenario's days are fixed in the past; they must be sent, not held as too old.
      MAX_PUNCH_AGE_DAYS: '3650',
    };
    const port = await freePort();
    server = await startServerProcess(env, port);
    const pids = [server.pid];
    const kiosks = [
      await createKiosk(server.url, ADMIN_TOKEN, 'Front door'),
      await createKiosk(server.url, ADMIN_TOKEN, 'Yard gate'),
    ];
    const tokenOf = new Map(kiosks.map((k) => [k.id, k.token]));
    await waitForDirectory(server);
    sim.simulator.setFaults({
      latencyMs: 20,
      serverErrorRate: 0.05,
      commitThenFailRate: 0.3,
      commitThenFailModes: ['stall', 'drop'],
      stallMs: 5000,
    });

    const employees = DEMO_EMPLOYEES.filter((e) => e.isActive).slice(0, 60);
    const scenario = buildScenario({
      employees,
      kioskIds: kiosks.map((k) => k.id),
      days: ['2026-10-23', '2026-10-24'],
      seed: 77,
      doubleScanShare: 0.1,
    });
    const ordered = [...scenario.punches].sort((a, b) => a.atMs - b.atMs);
    const groupSize = Math.ceil(ordered.length / (KILLS + 1));
    const posted: Array<[string, ScenarioPunch[]]> = [];
    const statuses: string[] = [];
    let sendingAtKills = 0;

    for (let group = 0; group <= KILLS; group += 1) {
      const slice = ordered.slice(group * groupSize, (group + 1) * groupSize);
      for (const { kioskId, batch } of kioskRuns(slice)) {
        statuses.push(...(await postPunches(server.url, tokenOf.get(kioskId) ?? '', batch)));
        posted.push([kioskId, batch]);
      }
      const [resendKiosk, resendBatch] = posted[Math.floor(random() * posted.length)] ?? ['', []];
      const resent = await postPunches(server.url, tokenOf.get(resendKiosk) ?? '', resendBatch);
      expect(new Set(resent)).toEqual(new Set(['duplicate']));
      if (group === KILLS) break;
      await sleep(300 + Math.floor(random() * 1200));
      await server.kill();
      sendingAtKills += sendingLeftIn(dataDir);
      const loginsBefore = sim.simulator.counters().logins;
      server = await startServerProcess(env, port);
      pids.push(server.pid);
      await waitForKenjo(server, sim, loginsBefore);
    }

    while ((await backlogWaiting(server.url)) > 0) {
      if (Date.now() - startedAtMs > DEADLINE_MS)
        throw new Error(`not drained:\n${server.output().slice(-3000)}`);
      await sleep(100);
    }
    await server.stop();
    server = null;

    expect(statuses.filter((s) => s !== 'accepted')).toEqual([]);
    expect(sendingAtKills).toBeGreaterThan(0);
    expect(new Set(pids).size).toBe(KILLS + 1);
    const counters = sim.simulator.counters();
    expect(counters.logins).toBeGreaterThanOrEqual(pids.length);
    const truth = kenjoGroundTruth(sim);
    expect(truth.minutesByUser).toEqual(scenario.minutesByUser);
    expect(truth.entries).toEqual(byEntryKey(scenario.entries));
    if (process.env.DELIVERY_FIGURES) {
      const durationMs = Date.now() - startedAtMs;
      console.info({
        punches: ordered.length,
        kills: KILLS,
        sendingAtKills,
        serverStarts: pids.length,
        counters,
        durationMs,
      });
    }
  }, 120_000);
});
