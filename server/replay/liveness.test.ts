/**
 * Liveness of the composed proxy against a Kenjo 400 ms away: punches posted right after start, while the first
 * directory load is still under way, are stored unresolved. Replay must take them up the moment the directory
 * loads, not after a backoff that every one of them lengthened, and drain in about N × latency / concurrency.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startServices, type RunningServices } from '../compose';
import { parseConfig } from '../config';
import { DEMO_EMPLOYEES, startSimulator, type RunningSimulator } from '../simulator';
import { ingestDriver, kioskRecord } from '../testing/ingest-driver';
import { buildScenario, SCENARIO_ZONE } from '../testing/scenario';

const LATENCY_MS = 400;
const CONCURRENCY = 8;
/** 200 punches at 400 ms over 8 calls at once: about 10 s. The old loop left most of them queued for minutes. */
const BOUND_MS = 45_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a backlog that arrives while the first directory load is under way', () => {
  let sim: RunningSimulator;
  let running: RunningServices;
  const dataDir = mkdtempSync(join(tmpdir(), 'liveness-'));
  afterAll(async () => {
    await running?.close();
    await sim?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'is sent as soon as the directory has loaded, without waiting for another punch',
    async () => {
      sim = await startSimulator({ faults: { latencyMs: LATENCY_MS } });
      const config = parseConfig({
        KENJO_API_URL: sim.baseUrl,
        KENJO_API_KEY: 'demo-api-key',
        ADMIN_TOKEN: 'liveness-admin-token-0123456789abcdef',
        DATA_DIR: dataDir,
        REPLAY_CONCURRENCY: String(CONCURRENCY),
      });
      running = await startServices(config, { logger: pino({ level: 'silent' }) });
      const { ledger, directory, replay } = running.services;
      const nowMs = Date.parse('2026-10-27T12:00:00Z');
      const kiosk = kioskRecord('front-door', SCENARIO_ZONE, nowMs);
      const ingest = ingestDriver({
        ledger,
        directory,
        kiosks: [kiosk],
        nowMs,
        onStored: () => replay.kick(),
      });
      const scenario = buildScenario({
        employees: DEMO_EMPLOYEES.filter((e) => e.isActive).slice(0, 50),
        kioskIds: [kiosk.id],
        days: ['2026-10-23', '2026-10-24'],
        seed: 7,
        doubleScanShare: 0,
      });
      const punches = scenario.punches.slice(0, 200);

      const startedAtMs = Date.now();
      running.start();
      for (let i = 0; i < punches.length; i += 20) await ingest.post(kiosk.id, punches.slice(i, i + 20));
      // They arrived before the directory could answer: stored unresolved, so the replay must come back for them.
      expect(directory.fetchedAtMs()).toBeNull();
      expect((await ledger.countByStatus()).queued).toBe(200);

      while ((await ledger.countByStatus()).sent < 200 && Date.now() - startedAtMs < BOUND_MS)
        await sleep(100);
      expect(await ledger.countByStatus()).toMatchObject({ sent: 200, queued: 0, sending: 0, failed: 0 });
      expect(sim.simulator.log()).toHaveLength(200);
    },
    BOUND_MS + 15_000,
  );
});
