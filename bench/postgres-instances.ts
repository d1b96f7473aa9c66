/**
 * Section: the proxy on PostgreSQL with two instances on one database, beside SQLite's figures. Each measurement
 * gets a fresh database on a throwaway PostgreSQL and two server processes.
 * - ingest: eight kiosks send batches of 500, alternating between the instances; replay is paused by a 429 with an
 *   hour's Retry-After, which the instances share through the ledger;
 * - replay drain: 5,000 punches of 500 employees posted through both instances while both replay them to a Kenjo
 *   20 ms away, against the least time any two replays at the default concurrency could take;
 * - takeover: one instance holds every employee's replay and is killed (SIGKILL); how long each employee with work
 *   left waits until the other instance's call for it reaches Kenjo.
 */
import { randomUUID } from 'node:crypto';
import { startSimulator } from '../server/simulator';
import { sleep } from '../server/testing/proxy-http';
import { against, report, round, type Section } from './section';
import { benchCompany } from './support/company';
import { checkDelivery, describeVerdict } from './support/ground-truth';
import { longestChain, planPunches, type PlannedPunch } from './support/punch-plan';
import { createDatabase, startBenchPostgres, startInstances, watchLeases } from './support/postgres-rig';
import { SERVER_DEFAULTS } from './support/replay-rig';
import { createKiosk, waitForDirectory, type ServerChild } from './support/server-child';
import { startSimulatorProcess } from './support/simulator-process';

const KIOSKS = 8;
const BATCH = 500;
const BATCHES_PER_KIOSK = 20;
const EMPLOYEES = 500;
const LATENCY_MS = 20;
const TAKEOVER_EMPLOYEES = 100;

async function post(url: string, token: string, punches: readonly object[]): Promise<number> {
  const response = await fetch(`${url}/api/v1/punches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sentAt: new Date().toISOString(), punches }),
  });
  if (!response.ok)
    throw new Error(`POST /api/v1/punches answered ${response.status}: ${await response.text()}`);
  const { results } = (await response.json()) as { results: Array<{ status: string }> };
  return results.filter((r) => r.status === 'accepted').length;
}

const wire = (p: PlannedPunch) => ({ id: p.id, employee: p.ref, at: p.at });

async function waiting(url: string): Promise<number> {
  const body = (await (await fetch(`${url}/api/v1/health`)).json()) as { backlog: { waiting: number } };
  return body.backlog.waiting;
}

async function drained(instances: readonly ServerChild[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await Promise.all(instances.map((i) => waiting(i.url)))).some((n) => n > 0)) {
    if (Date.now() > deadline) throw new Error('the instances did not drain in time');
    await sleep(20);
  }
}

async function stopAll(instances: readonly ServerChild[]): Promise<void> {
  await Promise.all(instances.map((instance) => instance.stop()));
}

export const section: Section = {
  name: 'postgres',
  title: 'PostgreSQL: two instances on one database (ingest, replay drain, takeover after a kill)',
  async run({ root, log }) {
    const postgres = await startBenchPostgres();
    const employees = benchCompany(EMPLOYEES);
    const badges = employees.map((e) => ({ externalId: e.externalId ?? '' }));
    try {
      // Ingest through two instances, replay paused.
      const kenjo = await startSimulator({ port: 0, employees });
      const env = { KENJO_API_URL: kenjo.baseUrl, KENJO_API_KEY: 'demo-api-key' };
      const ingestors = await startInstances(root, 2, {
        ...env,
        DATABASE_URL: await createDatabase(postgres),
      });
      let ingestPerS: number;
      try {
        const [first, second] = ingestors as [ServerChild, ServerChild];
        const tokens: string[] = [];
        for (let k = 0; k < KIOSKS; k += 1)
          tokens.push((await createKiosk(first.url, `Kiosk ${k + 1}`)).token);
        for (const instance of ingestors) await waitForDirectory(instance.url, tokens[0] ?? '');
        kenjo.simulator.setFaults({ rateLimitRate: 1, retryAfterS: 3600 });
        let n = 0;
        const batch = () => {
          const nowMs = Date.now();
          return Array.from({ length: BATCH }, () => {
            n += 1;
            const atMs = nowMs - 60_000 - Math.floor(n / EMPLOYEES) * 120_000;
            return { id: randomUUID(), employee: badges[n % EMPLOYEES], at: new Date(atMs).toISOString() };
          });
        };
        for (const instance of ingestors) await post(instance.url, tokens[0] ?? '', batch());
        const plans = tokens.map(() => Array.from({ length: BATCHES_PER_KIOSK }, batch));
        const startedMs = performance.now();
        const accepted = await Promise.all(
          tokens.map(async (token, k) => {
            let sum = 0;
            for (const [b, punches] of (plans[k] ?? []).entries()) {
              sum += await post((b + k) % 2 === 0 ? first.url : second.url, token, punches);
            }
            return sum;
          }),
        );
        const total = accepted.reduce((a, b) => a + b, 0);
        ingestPerS = Math.round((total / (performance.now() - startedMs)) * 1000);
        log(`ingest: ${total} accepted through two instances, ${ingestPerS} punches/s`);
      } finally {
        await stopAll(ingestors);
        await kenjo.close();
      }

      // Replay drain with two instances.
      const sim = await startSimulatorProcess(EMPLOYEES, { latencyMs: LATENCY_MS });
      const plan = planPunches(employees, 10);
      const concurrency = SERVER_DEFAULTS.REPLAY_CONCURRENCY;
      const simEnv = { KENJO_API_URL: sim.baseUrl, KENJO_API_KEY: 'demo-api-key' };
      let drainMs: number;
      let verdict: ReturnType<typeof checkDelivery>;
      const replayers = await startInstances(root, 2, {
        ...simEnv,
        DATABASE_URL: await createDatabase(postgres),
      });
      try {
        const token = (await createKiosk(replayers[0]?.url ?? '', 'Drain kiosk')).token;
        for (const instance of replayers) await waitForDirectory(instance.url, token);
        const startedMs = performance.now();
        for (let i = 0; i < plan.length; i += BATCH) {
          await post(replayers[(i / BATCH) % 2]?.url ?? '', token, plan.slice(i, i + BATCH).map(wire));
        }
        await drained(replayers, 120_000);
        drainMs = performance.now() - startedMs;
        verdict = checkDelivery(await sim.log(), plan);
        log(`drain: ${plan.length} punches in ${(drainMs / 1000).toFixed(2)} s; ${describeVerdict(verdict)}`);
      } finally {
        await stopAll(replayers);
      }
      const boundMs = Math.max(
        (plan.length * LATENCY_MS) / (2 * concurrency),
        longestChain(plan) * LATENCY_MS,
      );

      // Takeover: the first instance holds every employee with work (Kenjo slowed down, so work is left), then dies.
      await sim.reset();
      await sim.setFaults({ latencyMs: 300 });
      const slow = planPunches(employees.slice(0, TAKEOVER_EMPLOYEES), 10);
      const database = await createDatabase(postgres);
      const leases = await watchLeases(database);
      const [holder] = await startInstances(root, 1, { ...simEnv, DATABASE_URL: database });
      if (!holder) throw new Error('no instance');
      let waits: number[] = [];
      let takeoverVerdict: ReturnType<typeof checkDelivery> | null = null;
      try {
        const token = (await createKiosk(holder.url, 'Takeover kiosk')).token;
        await waitForDirectory(holder.url, token);
        await post(holder.url, token, slow.map(wire));
        const holderOwner = await leases.soleOwner(10_000);
        const [heir] = await startInstances(root, 1, { ...simEnv, DATABASE_URL: database });
        if (!heir) throw new Error('no instance');
        try {
          await sleep(500);
          const killedAtMs = Date.now();
          holder.process.kill('SIGKILL');
          waits = await leases.handedOver(holderOwner, killedAtMs, 30_000);
          await sim.setFaults({ latencyMs: LATENCY_MS });
          await drained([heir], 120_000);
          takeoverVerdict = checkDelivery(await sim.log(), slow);
          log(
            `takeover: ${waits.length} employees, longest wait ${((waits.at(-1) ?? 0) / 1000).toFixed(1)} s`,
          );
        } finally {
          await heir.stop();
        }
      } finally {
        await holder.stop();
        await leases.close();
        await sim.close();
      }

      return {
        figures: [
          against(`ingest, ${KIOSKS} kiosks × batches of ${BATCH}, two instances`, ingestPerS, 'punches/s', {
            op: '≥',
            limit: 10_000,
            text: '≥ 10,000 punches/s',
          }),
          report('replay drain, 5,000 punches, two instances', round(drainMs / 1000), 's'),
          report(`lower bound, two instances at concurrency ${concurrency}`, round(boundMs / 1000), 's'),
          against('drain ÷ lower bound, two instances', round(drainMs / boundMs), '×', {
            op: '≤',
            limit: 1.25,
          }),
          against('delivered exactly once, in order, two instances', verdict.ok ? 1 : 0, 'yes/no', {
            op: '=',
            limit: 1,
            text: 'all 5,000, no duplicate',
          }),
          against('takeover after SIGKILL, longest wait', round((waits.at(-1) ?? 0) / 1000, 1), 's', {
            op: '<',
            limit: 10,
          }),
          report(
            'takeover after SIGKILL, median wait',
            round((waits[Math.floor(waits.length / 2)] ?? 0) / 1000, 1),
            's',
          ),
        ],
        notes: [
          'a throwaway PostgreSQL 15 on loopback (fsync off, as in the tests): disk flushes are not in these figures',
          `drain: posted through both instances while they replay; ${describeVerdict(verdict)}`,
          `takeover: ${TAKEOVER_EMPLOYEES} employees × 10 punches held by one instance (Kenjo 300 ms away), a second ` +
            `started, the first killed; wait = until the second holds each employee that had work left ` +
            `(${waits.length}); ${takeoverVerdict === null ? 'no verdict' : describeVerdict(takeoverVerdict)}`,
        ],
      };
    } finally {
      await postgres.stop();
    }
  },
};
