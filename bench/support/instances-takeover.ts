/**
 * Takeover after a kill: one instance replays a backlog alone (Kenjo 300 ms away, so work is left), holding as many
 * employees as it has room for, a second instance starts on the same database, and the first is killed (SIGKILL: no
 * clean release of its claims). For each employee the killed instance held that still had punches to send, how long
 * until the second instance held it; then the backlog drains and Kenjo's ground truth must show every punch once, in
 * order.
 */
import type { SimEmployee } from '../../server/simulator';
import { sleep } from '../../server/testing/proxy-http';
import type { ThrowawayPostgres } from '../../server/testing/throwaway-postgres';
import { checkDelivery, type Verdict } from './ground-truth';
import { LATENCY_MS } from './instances-drain';
import {
  createDatabase,
  DIRECTORY_WITHIN_MS,
  drained,
  postAccepted,
  startInstances,
  watchLeases,
  wire,
} from './postgres-rig';
import { planPunches } from './punch-plan';
import { createKiosk, waitForDirectory } from './server-child';
import type { SimulatorProcess } from './simulator-process';

export const TAKEOVER_EMPLOYEES = 100;
const SLOW_KENJO_MS = 300;

/** Per employee handed over, milliseconds from the kill (sorted), and the ground truth afterwards. */
export async function measureTakeover(
  root: string,
  postgres: ThrowawayPostgres,
  sim: SimulatorProcess,
  employees: readonly SimEmployee[],
): Promise<{ waits: number[]; verdict: Verdict }> {
  await sim.reset();
  await sim.setFaults({ latencyMs: SLOW_KENJO_MS });
  const plan = planPunches(employees.slice(0, TAKEOVER_EMPLOYEES), 10);
  const database = await createDatabase(postgres);
  const env = { KENJO_API_URL: sim.baseUrl, KENJO_API_KEY: 'demo-api-key', DATABASE_URL: database };
  const leases = await watchLeases(database);
  const [holder] = await startInstances(root, 1, env);
  if (!holder) throw new Error('no instance started');
  try {
    const token = (await createKiosk(holder.url, 'Takeover kiosk')).token;
    await waitForDirectory(holder.url, token, DIRECTORY_WITHIN_MS);
    await postAccepted(holder.url, token, plan.map(wire));
    const holderOwner = await leases.soleOwner(10_000);
    const [heir] = await startInstances(root, 1, env);
    if (!heir) throw new Error('no instance started');
    try {
      await sleep(500);
      const killedAtMs = Date.now();
      holder.process.kill('SIGKILL');
      const orphans = await leases.heldBy(holderOwner);
      const waits = await leases.handedOver(holderOwner, orphans, killedAtMs, 30_000);
      await sim.setFaults({ latencyMs: LATENCY_MS });
      await drained(heir, 120_000);
      return { waits, verdict: checkDelivery(await sim.log(), plan) };
    } finally {
      await heir.stop();
    }
  } finally {
    await holder.stop();
    await leases.close();
  }
}
