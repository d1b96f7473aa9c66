/**
 * Section: the proxy on PostgreSQL with two instances on one database, beside SQLite's figures: ingest through both,
 * a replay drain by both against its lower bound, and how long a killed instance's employees wait before the other
 * takes them over. Each measurement has a fresh database on a throwaway PostgreSQL and server processes of its own.
 */
import { against, report, round, type Section } from './section';
import { benchCompany } from './support/company';
import { describeVerdict } from './support/ground-truth';
import { BATCH, KIOSKS, measureIngest } from './support/instances-ingest';
import { LATENCY_MS, measureDrain } from './support/instances-drain';
import { WARM_UP_DAYS_BEFORE } from './support/punch-plan';
import { measureTakeover, TAKEOVER_EMPLOYEES } from './support/instances-takeover';
import { startBenchPostgres } from './support/postgres-rig';
import { startSimulatorProcess } from './support/simulator-process';

const EMPLOYEES = 500;
const seconds = (ms: number, digits = 2) => round(ms / 1000, digits);

export const section: Section = {
  name: 'postgres',
  title: 'PostgreSQL: two instances on one database (ingest, replay drain, takeover after a kill)',
  async run({ root, log }) {
    const postgres = await startBenchPostgres();
    const employees = benchCompany(EMPLOYEES);
    try {
      const ingest = await measureIngest(root, postgres, employees);
      log(`ingest: ${ingest.accepted} accepted through two instances, ${ingest.perS} punches/s`);
      // Kenjo in its own process, as in production: its work must not count as the proxy's.
      const sim = await startSimulatorProcess(EMPLOYEES, { latencyMs: LATENCY_MS });
      try {
        const drain = await measureDrain(root, postgres, sim, employees);
        log(`drain: ${drain.punches} in ${seconds(drain.drainMs)} s; ${describeVerdict(drain.verdict)}`);
        const takeover = await measureTakeover(root, postgres, sim, employees);
        const { waits } = takeover;
        log(`takeover: ${waits.length} employees, longest wait ${seconds(waits.at(-1) ?? 0, 1)} s`);
        return {
          figures: [
            against(
              `ingest, ${KIOSKS} kiosks × batches of ${BATCH}, two instances`,
              ingest.perS,
              'punches/s',
              {
                op: '≥',
                limit: 10_000,
                text: '≥ 10,000 punches/s',
              },
            ),
            report('replay drain, 5,000 punches, two warm instances', seconds(drain.drainMs), 's'),
            report(
              `lower bound, two instances at concurrency ${drain.concurrency}`,
              seconds(drain.boundMs),
              's',
            ),
            against('drain ÷ lower bound, two instances', round(drain.drainMs / drain.boundMs), '×', {
              op: '≤',
              limit: 1.25,
            }),
            against('drain: delivered exactly once, in order', drain.verdict.ok ? 1 : 0, 'yes/no', {
              op: '=',
              limit: 1,
              text: 'all 5,000, no duplicate',
            }),
            against('takeover after SIGKILL, longest wait', seconds(waits.at(-1) ?? 0, 1), 's', {
              op: '<',
              limit: 10,
            }),
            report(
              'takeover after SIGKILL, median wait',
              seconds(waits[Math.floor(waits.length / 2)] ?? 0, 1),
              's',
            ),
            against('takeover: delivered exactly once, in order', takeover.verdict.ok ? 1 : 0, 'yes/no', {
              op: '=',
              limit: 1,
              text: `all ${TAKEOVER_EMPLOYEES * 10}, no duplicate`,
            }),
          ],
          notes: [
            'a throwaway PostgreSQL 15 on loopback with fsync off (as in the tests): disk flushes are not in these figures',
            `ingest: replay paused by a 429 with an hour's Retry-After, which both instances honour through the ledger`,
            `drain: posted through both instances while they replay, after a warm-up drain of the same size (the same ` +
              `people ${WARM_UP_DAYS_BEFORE} days earlier), as the SQLite drain is measured warm; ` +
              describeVerdict(drain.verdict),
            `takeover: ${TAKEOVER_EMPLOYEES} employees × 10 punches replayed by one instance (Kenjo 300 ms away), a ` +
              `second started, the first killed; wait = until the second held each employee with work left that the ` +
              `first held ` +
              `(${waits.length}); ${describeVerdict(takeover.verdict)}`,
          ],
        };
      } finally {
        await sim.close();
      }
    } finally {
      await postgres.stop();
    }
  },
};
