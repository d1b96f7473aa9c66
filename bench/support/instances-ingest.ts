/**
 * Ingest through two instances on one PostgreSQL database: eight kiosks send batches of 500, each kiosk alternating
 * between the instances; replay is paused by a 429 with an hour's Retry-After (shared by the instances through the
 * ledger), so the figure is ingest alone.
 */
import { randomUUID } from 'node:crypto';
import { startSimulator, type SimEmployee } from '../../server/simulator';
import type { ThrowawayPostgres } from '../../server/testing/throwaway-postgres';
import { createDatabase, DIRECTORY_WITHIN_MS, postAccepted, startInstances, stopAll } from './postgres-rig';
import { createKiosk, waitForDirectory, type ServerChild } from './server-child';

export const KIOSKS = 8;
export const BATCH = 500;
const BATCHES_PER_KIOSK = 20;

export async function measureIngest(
  root: string,
  postgres: ThrowawayPostgres,
  employees: readonly SimEmployee[],
): Promise<{ perS: number; accepted: number }> {
  const kenjo = await startSimulator({ port: 0, employees: [...employees] });
  const instances = await startInstances(root, 2, {
    KENJO_API_URL: kenjo.baseUrl,
    KENJO_API_KEY: 'demo-api-key',
    DATABASE_URL: await createDatabase(postgres),
  });
  try {
    const [first, second] = instances as [ServerChild, ServerChild];
    const tokens: string[] = [];
    for (let k = 0; k < KIOSKS; k += 1) tokens.push((await createKiosk(first.url, `Kiosk ${k + 1}`)).token);
    for (const instance of instances)
      await waitForDirectory(instance.url, tokens[0] ?? '', DIRECTORY_WITHIN_MS);
    kenjo.simulator.setFaults({ rateLimitRate: 1, retryAfterS: 3600 });
    let n = 0;
    /** Punches of the company's badges two minutes apart per employee, going back from now (no double scans). */
    const batch = () => {
      const nowMs = Date.now();
      return Array.from({ length: BATCH }, () => {
        n += 1;
        const atMs = nowMs - 60_000 - Math.floor(n / employees.length) * 120_000;
        const employee = { externalId: employees[n % employees.length]?.externalId ?? '' };
        return { id: randomUUID(), employee, at: new Date(atMs).toISOString() };
      });
    };
    for (const instance of instances) await postAccepted(instance.url, tokens[0] ?? '', batch());
    const plans = tokens.map(() => Array.from({ length: BATCHES_PER_KIOSK }, batch));
    const startedMs = performance.now();
    const accepted = await Promise.all(
      tokens.map(async (token, k) => {
        let sum = 0;
        for (const [b, punches] of (plans[k] ?? []).entries()) {
          sum += await postAccepted((b + k) % 2 === 0 ? first.url : second.url, token, punches);
        }
        return sum;
      }),
    );
    const total = accepted.reduce((a, b) => a + b, 0);
    return { perS: Math.round((total / (performance.now() - startedMs)) * 1000), accepted: total };
  } finally {
    await stopAll(instances);
    await kenjo.close();
  }
}
