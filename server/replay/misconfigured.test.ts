/**
 * A proxy set up wrongly (a key without access to track-time) against the simulator: replay pauses all calls for a
 * growing while instead of retrying each punch on its own backoff, marks no punch failed, and delivers every punch
 * exactly once when the configuration is fixed.
 */
import { afterEach, expect, it } from 'vitest';
import { createKenjoClient } from '../kenjo/client';
import { DEMO_EMPLOYEES } from '../simulator/employees';
import { startSimulator, type RunningSimulator } from '../simulator/start';
import { insert, memoryLedger, punchAt } from '../testing/harness';
import { asyncOf } from '../testing/ledger-factories';
import { replayOn } from '../testing/replay-instances';
import type { Replay } from './replay';

const PUNCHES = 20;
let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of cleanup.reverse()) await close();
  cleanup = [];
});

async function start(): Promise<{
  running: RunningSimulator;
  replay: Replay;
  ledger: ReturnType<typeof memoryLedger>;
}> {
  const running = await startSimulator({ apiKey: 'k', faults: { refuseAllWith: 403, refuseLogin: false } });
  const kenjo = createKenjoClient({
    baseUrl: running.baseUrl,
    apiKey: 'k',
    configurationRetry: { baseMs: 200, maxMs: 400 },
  });
  const ledger = memoryLedger();
  const replay = replayOn(asyncOf(ledger), kenjo, { concurrency: 8, tickMs: 5 });
  cleanup.push(
    () => running.close(),
    () => kenjo.close(),
    () => replay.stop(),
  );
  return { running, replay, ledger };
}

it('pauses on 403, fails no punch, then delivers each once after the fix', async () => {
  const { running, replay, ledger } = await start();
  const employees = DEMO_EMPLOYEES.slice(0, PUNCHES);
  insert(
    ledger,
    ...employees.map((e, i) =>
      punchAt(`2026-02-04T08:${String(i).padStart(2, '0')}:00+01:00`, { employeeKey: e._id }),
    ),
  );
  replay.start();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const refused = running.simulator.counters().trackTimeCalls;
  // Waits of 200, 400, 400 ms after the first answers: at most three waves of eight calls within the second.
  expect(refused).toBeGreaterThan(0);
  expect(refused).toBeLessThanOrEqual(3 * 8);
  expect(ledger.backlog(Date.now())).toMatchObject({ waiting: PUNCHES, failed: 0 });
  expect(running.simulator.log()).toEqual([]);

  running.simulator.setFaults({ refuseAllWith: 0 });
  for (let i = 0; i < 200 && ledger.backlog(Date.now()).waiting > 0; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(ledger.backlog(Date.now())).toMatchObject({ waiting: 0, failed: 0 });
  const delivered = running.simulator.log().map((e) => e.employeeId);
  expect(delivered.sort()).toEqual(employees.map((e) => e._id).sort());
});
