/**
 * Section 3: how many punches a second the proxy durably accepts over real HTTP on loopback. The real server runs as
 * its own process (default settings, log level info) against a simulator of 500 employees; replay is paused (the
 * simulator answers every call with 429 and an hour's Retry-After once the directory is loaded), so the figure is
 * ingest alone. Eight kiosks send batches of 500 at once; then one kiosk sends single punches one after another.
 */
import { randomUUID } from 'node:crypto';
import { startSimulator } from '../server/simulator';
import { against, report, round, type Section } from './section';
import { benchCompany } from './support/company';
import { createKiosk, startServerChild, waitForDirectory } from './support/server-child';

const KIOSKS = 8;
const BATCH = 500;
const BATCHES_PER_KIOSK = 20;
const SINGLE_PUNCHES = 1_000;
const EMPLOYEES = 500;

interface Batch {
  body: string;
  size: number;
}

/** Punches of `employees` badges two minutes apart per employee, going back from now (no double scans). */
function makeBatches(count: number, size: number, startIndex: number, badges: readonly string[]): Batch[] {
  const nowMs = Date.now();
  return Array.from({ length: count }, (_, b) => {
    const punches = Array.from({ length: size }, (_, p) => {
      const index = startIndex + b * size + p;
      const atMs = nowMs - 60_000 - Math.floor(index / badges.length) * 120_000;
      return {
        id: randomUUID(),
        employee: { externalId: badges[index % badges.length] ?? '' },
        at: new Date(atMs).toISOString(),
      };
    });
    return { body: JSON.stringify({ sentAt: new Date().toISOString(), punches }), size };
  });
}

async function send(url: string, token: string, batch: Batch): Promise<number> {
  const response = await fetch(`${url}/api/v1/punches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: batch.body,
  });
  if (!response.ok)
    throw new Error(`POST /api/v1/punches answered ${response.status}: ${await response.text()}`);
  const { results } = (await response.json()) as { results: Array<{ status: string }> };
  return results.filter((r) => r.status === 'accepted').length;
}

export const section: Section = {
  name: 'ingest',
  title: 'Ingest: punches per second durably accepted over HTTP on loopback',
  async run({ root, log }) {
    const employees = benchCompany(EMPLOYEES);
    const badges = employees.map((e) => e.externalId ?? e.email);
    const kenjo = await startSimulator({ port: 0, employees });
    const server = await startServerChild(root, {
      KENJO_API_URL: kenjo.baseUrl,
      KENJO_API_KEY: 'demo-api-key',
    });
    try {
      const tokens: string[] = [];
      for (let k = 0; k < KIOSKS; k += 1)
        tokens.push((await createKiosk(server.url, `Bench kiosk ${k + 1}`)).token);
      const known = await waitForDirectory(server.url, tokens[0] ?? '');
      kenjo.simulator.setFaults({ rateLimitRate: 1, retryAfterS: 3600 });
      log(`server ${server.url} (pid ${server.pid}) knows ${known} employees; replay paused by a 429`);

      let next = 0;
      const take = (count: number, size: number) => {
        const batches = makeBatches(count, size, next, badges);
        next += count * size;
        return batches;
      };
      for (const batch of take(2, BATCH)) await send(server.url, tokens[0] ?? '', batch);

      const perKiosk = tokens.map(() => take(BATCHES_PER_KIOSK, BATCH));
      const startedMs = performance.now();
      const accepted = await Promise.all(
        tokens.map(async (token, k) => {
          let n = 0;
          for (const batch of perKiosk[k] ?? []) n += await send(server.url, token, batch);
          return n;
        }),
      );
      const batchMs = performance.now() - startedMs;
      const acceptedTotal = accepted.reduce((a, b) => a + b, 0);
      const sent = KIOSKS * BATCHES_PER_KIOSK * BATCH;
      log(`${acceptedTotal} of ${sent} accepted in ${(batchMs / 1000).toFixed(2)} s from ${KIOSKS} kiosks`);

      const singles = take(SINGLE_PUNCHES, 1);
      const latencies: number[] = [];
      let singleAccepted = 0;
      const singleStartedMs = performance.now();
      for (const batch of singles) {
        const t = performance.now();
        singleAccepted += await send(server.url, tokens[0] ?? '', batch);
        latencies.push(performance.now() - t);
      }
      const singleMs = performance.now() - singleStartedMs;
      latencies.sort((a, b) => a - b);
      const p50 = latencies[Math.floor(latencies.length / 2)] ?? 0;
      log(`${singleAccepted} single punches accepted in ${(singleMs / 1000).toFixed(2)} s`);

      return {
        figures: [
          against(
            `${KIOSKS} kiosks, batches of ${BATCH}`,
            Math.round((acceptedTotal / batchMs) * 1000),
            'punches/s',
            { op: '≥', limit: 10_000, text: '≥ 10,000 punches/s' },
          ),
          report('1 kiosk, single punches', Math.round((singleAccepted / singleMs) * 1000), 'punches/s'),
          report('1 kiosk, single punch round trip p50', round(p50), 'ms'),
        ],
        notes: [
          `replay paused (Kenjo answers 429 with an hour's Retry-After); server as a child process, LOG_LEVEL info`,
          `batches: ${acceptedTotal}/${sent} accepted in ${(batchMs / 1000).toFixed(2)} s ` +
            `(${((batchMs / (BATCHES_PER_KIOSK * KIOSKS)) * KIOSKS).toFixed(0)} ms a batch per kiosk)`,
          `singles: ${singleAccepted}/${SINGLE_PUNCHES} accepted; round trip p50 ${p50.toFixed(2)} ms`,
        ],
      };
    } finally {
      await server.stop();
      await kenjo.close();
    }
  },
};
