/**
 * Replay drain with two instances on one PostgreSQL database: 5,000 punches of 500 employees posted through both
 * instances while both replay them to a Kenjo 20 ms away, against the least time any two replays at the default
 * concurrency could take (N × latency / (2 × concurrency), or the longest chain, whichever is longer).
 *
 * The instances are warm (`warmUpPlan`): before the measured drain they post and replay a plan of the same size,
 * whose calls are then wiped from the simulator's log.
 */
import type { SimEmployee } from '../../server/simulator';
import { sleep } from '../../server/testing/proxy-http';
import type { ThrowawayPostgres } from '../../server/testing/throwaway-postgres';
import { checkDelivery, type Verdict } from './ground-truth';
import {
  createDatabase,
  DIRECTORY_WITHIN_MS,
  drained,
  postAccepted,
  startInstances,
  stopAll,
  wire,
} from './postgres-rig';
import { longestChain, planPunches, warmUpPlan, type PlannedPunch } from './punch-plan';
import { SERVER_DEFAULTS } from './replay-rig';
import { createKiosk, waitForDirectory } from './server-child';
import type { SimulatorProcess } from './simulator-process';

export const LATENCY_MS = 20;
const BATCH = 500;

export interface DrainFigures {
  drainMs: number;
  boundMs: number;
  concurrency: number;
  punches: number;
  verdict: Verdict;
}

export async function measureDrain(
  root: string,
  postgres: ThrowawayPostgres,
  sim: SimulatorProcess,
  employees: readonly SimEmployee[],
): Promise<DrainFigures> {
  const plan = planPunches(employees, 10);
  const concurrency = SERVER_DEFAULTS.REPLAY_CONCURRENCY;
  const instances = await startInstances(root, 2, {
    KENJO_API_URL: sim.baseUrl,
    KENJO_API_KEY: 'demo-api-key',
    DATABASE_URL: await createDatabase(postgres),
  });
  try {
    const [first] = instances;
    if (first === undefined) throw new Error('no instance started');
    const token = (await createKiosk(first.url, 'Drain kiosk')).token;
    for (const instance of instances) await waitForDirectory(instance.url, token, DIRECTORY_WITHIN_MS);
    const boundMs = Math.max((plan.length * LATENCY_MS) / (2 * concurrency), longestChain(plan) * LATENCY_MS);
    /** Posts `punches` through both instances in turn; resolves once both replayed them all. */
    const drain = async (punches: readonly PlannedPunch[]) => {
      const startedMs = performance.now();
      for (let i = 0; i < punches.length; i += BATCH) {
        const url = instances[(i / BATCH) % 2]?.url ?? '';
        await postAccepted(url, token, punches.slice(i, i + BATCH).map(wire));
      }
      // No drain ends before its lower bound: looking for its end earlier would only take the machine from the
      // instances under measurement.
      await sleep(boundMs - (performance.now() - startedMs));
      await drained(first, 120_000);
      return performance.now() - startedMs;
    };
    await drain(warmUpPlan(employees));
    await sim.reset();
    const drainMs = await drain(plan);
    return {
      drainMs,
      boundMs,
      concurrency,
      punches: plan.length,
      verdict: checkDelivery(await sim.log(), plan),
    };
  } finally {
    await stopAll(instances);
  }
}
