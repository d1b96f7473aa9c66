/**
 * Section 6: resident memory of the real server (its own process, compiled, as `npm start` runs it) with 100,000 punches waiting
 * in the ledger while it replays them to a simulator that adds 20 ms a call. The ledger file is seeded before the
 * server starts (500 employees, 200 punches each, already resolved, as ingest stores them); RSS is sampled from
 * /proc every 100 ms from start through a fixed replay window.
 */
import { spawn } from 'node:child_process';
import { hashToken, newKioskToken } from '../server/auth/tokens';
import { openSqliteLedger } from '../server/ledger/sqlite-ledger';
import { insertPunches, newKiosk } from '../server/testing/ledger-factories';
import { against, report, round, type Section } from './section';
import { benchCompany } from './support/company';
import { asLedgerRows, planPunches } from './support/punch-plan';
import { tempDataDir } from './support/replay-rig';
import { MB, rssBytes } from './support/rss';
import { startServerChild } from './support/server-child';
import { startSimulatorProcess } from './support/simulator-process';

const EMPLOYEES = 500;
const PUNCHES_EACH = 200;
const LATENCY_MS = 20;
const REPLAY_WINDOW_MS = 30_000;
const SAMPLE_EVERY_MS = 100;
const DAY_MS = 24 * 3600 * 1000;

/** 100,000 punches: the ten-punch plan repeated over 20 fortnights back in time, so each employee's chain is long. */
function seed(dataDir: string): number {
  const employees = benchCompany(EMPLOYEES);
  const ledger = openSqliteLedger(dataDir);
  try {
    const kioskId = 'bench-memory-kiosk';
    ledger.insertKiosk(
      newKiosk({ id: kioskId, name: 'Bench memory kiosk', createdAtMs: Date.now() }),
      hashToken(newKioskToken()),
    );
    let total = 0;
    for (let round = 0; round < PUNCHES_EACH / 10; round += 1) {
      const shiftMs = -round * 14 * DAY_MS;
      const plan = planPunches(employees, 10).map((p) => {
        const atMs = p.atMs + shiftMs;
        return { ...p, atMs, at: new Date(atMs).toISOString() };
      });
      const rows = asLedgerRows(plan, kioskId, Date.now()).map((row, i) => ({
        ...row,
        kenjoDateTime: plan[i]?.kenjoDateTime.replace(/^\d{4}-\d{2}-\d{2}/, (d) => shiftDate(d, round)) ?? '',
      }));
      total += insertPunches(ledger, rows).filter((r) => r === 'inserted').length;
    }
    return total;
  } finally {
    ledger.close();
  }
}

function shiftDate(date: string, round: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - round * 14 * DAY_MS).toISOString().slice(0, 10);
}

/** What Node itself costs before any of the server's code: the share of RSS no change to the server removes. */
async function emptyNodeRss(): Promise<number | null> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const rss = child.pid === undefined ? null : rssBytes(child.pid);
  child.kill();
  return rss;
}

/** The server's own floor: listening with an empty ledger, nothing to replay, after settling for a few seconds. */
async function emptyServerRss(root: string): Promise<number> {
  const kenjo = await startSimulatorProcess(EMPLOYEES);
  const server = await startServerChild(root, {
    KENJO_API_URL: kenjo.baseUrl,
    KENJO_API_KEY: 'demo-api-key',
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return rssBytes(server.pid) ?? Number.NaN;
  } finally {
    await server.stop();
    await kenjo.close();
  }
}

export const section: Section = {
  name: 'server-memory',
  title: 'Server memory: RSS with 100,000 punches in the ledger while replaying',
  async run({ root, log }) {
    const baseline = await emptyNodeRss();
    const emptyLedger = await emptyServerRss(root);
    const dataDir = tempDataDir('memory');
    const seeded = seed(dataDir);
    log(`seeded ${seeded} punches`);
    const kenjo = await startSimulatorProcess(EMPLOYEES, { latencyMs: LATENCY_MS });
    const server = await startServerChild(
      root,
      { KENJO_API_URL: kenjo.baseUrl, KENJO_API_KEY: 'demo-api-key' },
      { dataDir },
    );
    try {
      const startRss = rssBytes(server.pid);
      let peak = startRss ?? 0;
      let peakAtS = 0;
      const startedMs = Date.now();
      while (Date.now() < startedMs + REPLAY_WINDOW_MS) {
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
        const rss = rssBytes(server.pid) ?? 0;
        if (rss > peak) [peak, peakAtS] = [rss, (Date.now() - startedMs) / 1000];
      }
      const endRss = rssBytes(server.pid);
      const sent = (await kenjo.log()).length;
      log(`peak RSS ${(peak / MB).toFixed(1)} MB; ${sent} punches sent in ${REPLAY_WINDOW_MS / 1000} s`);
      return {
        figures: [
          report('RSS once listening', startRss === null ? null : round(startRss / MB, 1), 'MB'),
          against('peak RSS while replaying', round(peak / MB, 1), 'MB', {
            op: '<',
            limit: 150,
            text: '< 150 MB',
          }),
          report(`punches sent in the ${REPLAY_WINDOW_MS / 1000} s window`, sent, ''),
          against('RSS once listening, empty ledger, nothing to replay', round(emptyLedger / MB, 1), 'MB', {
            op: '<',
            limit: 90,
            text: '< 90 MB',
          }),
          report(
            'RSS of an empty Node process, for scale',
            baseline === null ? null : round(baseline / MB, 1),
            'MB',
          ),
        ],
        notes: [
          `${seeded} punches seeded before start; Kenjo latency ${LATENCY_MS} ms; default settings, LOG_LEVEL info`,
          `peak reached ${peakAtS.toFixed(1)} s after the server listened; ` +
            `RSS at the end of the window ${endRss === null ? 'n/a' : (endRss / MB).toFixed(1)} MB ` +
            `(MB of 1,000,000 bytes)`,
        ],
      };
    } finally {
      await server.stop();
      await kenjo.close();
    }
  },
};
