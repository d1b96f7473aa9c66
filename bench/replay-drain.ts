/**
 * Section 1: how fast the replay empties a backlog. 5,000 punches of 500 employees sit in a fresh ledger; the
 * simulator adds 20 ms to every call. The replay is warm: an unmeasured drain of the same size runs first. The drain
 * is compared with the least time any replay could take at the default concurrency, and with sending one at a time
 * (measured on a sample and extrapolated).
 */
import { against, report, round, type Section } from './section';
import { benchCompany } from './support/company';
import { checkDelivery, describeVerdict } from './support/ground-truth';
import {
  asLedgerRows,
  longestChain,
  planPunches,
  WARM_UP_DAYS_BEFORE,
  warmUpPlan,
} from './support/punch-plan';
import { openReplayRig, SERVER_DEFAULTS } from './support/replay-rig';
import { startSimulatorProcess } from './support/simulator-process';

const EMPLOYEES = 500;
const PUNCHES_EACH = 10;
const LATENCY_MS = 20;
/** Employees in the one-at-a-time sample (10 punches each). */
const SAMPLE_EMPLOYEES = 50;
const DRAIN_TIMEOUT_MS = 120_000;

export const section: Section = {
  name: 'replay-drain',
  title: 'Replay drain: 5,000 punches, 500 employees, 20 ms Kenjo latency',
  async run({ log }) {
    const employees = benchCompany(EMPLOYEES);
    const plan = planPunches(employees, PUNCHES_EACH);
    const concurrency = SERVER_DEFAULTS.REPLAY_CONCURRENCY;
    // Kenjo in its own process, as in production: its work must not count as the proxy's.
    const running = await startSimulatorProcess(EMPLOYEES, { latencyMs: LATENCY_MS });
    try {
      // Warm, as a proxy that has run for a while is (see `warmUpPlan`): an unmeasured drain of the same size first.
      const warmUp = openReplayRig({
        baseUrl: running.baseUrl,
        employees,
        rows: asLedgerRows(warmUpPlan(employees, PUNCHES_EACH), 'bench-kiosk', Date.now()),
        concurrency,
      });
      await warmUp.drain(DRAIN_TIMEOUT_MS).finally(() => warmUp.close());
      await running.reset();
      const rig = openReplayRig({
        baseUrl: running.baseUrl,
        employees,
        rows: asLedgerRows(plan, 'bench-kiosk', Date.now()),
        concurrency,
      });
      const drainMs = await rig.drain(DRAIN_TIMEOUT_MS).finally(() => rig.close());
      const { ms: ledgerMs, calls } = rig.timing;
      const ledgerTotalMs = Object.values(ledgerMs).reduce((a, b) => a + b, 0);
      const verdict = checkDelivery(await running.log(), plan);
      log(`drained ${plan.length} punches in ${(drainMs / 1000).toFixed(2)} s at concurrency ${concurrency}`);
      log(`ground truth: ${describeVerdict(verdict)}`);

      const boundMs = Math.max((plan.length * LATENCY_MS) / concurrency, longestChain(plan) * LATENCY_MS);

      await running.reset();
      const sampleEmployees = employees.slice(0, SAMPLE_EMPLOYEES);
      const sample = planPunches(sampleEmployees, PUNCHES_EACH);
      const serial = openReplayRig({
        baseUrl: running.baseUrl,
        employees: sampleEmployees,
        rows: asLedgerRows(sample, 'bench-kiosk', Date.now()),
        concurrency: 1,
      });
      const sampleMs = await serial.drain(DRAIN_TIMEOUT_MS).finally(() => serial.close());
      const sampleVerdict = checkDelivery(await running.log(), sample);
      const extrapolatedMs = (sampleMs / sample.length) * plan.length;
      log(`one at a time: ${sample.length} punches in ${(sampleMs / 1000).toFixed(2)} s`);

      return {
        figures: [
          report('drain time, 5,000 punches, warm', round(drainMs / 1000), 's'),
          report(`lower bound at concurrency ${concurrency}`, round(boundMs / 1000), 's'),
          against('drain ÷ lower bound', round(drainMs / boundMs), '×', { op: '≤', limit: 1.25 }),
          report(`one at a time, sample of ${sample.length}`, round(sampleMs / 1000), 's'),
          report('one at a time, extrapolated to 5,000', round(extrapolatedMs / 1000, 1), 's'),
          against('speed-up over one at a time', round(extrapolatedMs / drainMs, 1), '×', {
            op: '≥',
            limit: 6,
          }),
          report('event loop blocked in the ledger during the drain', round(ledgerTotalMs / 1000, 1), 's'),
          report(
            'ledger state change (commit, synchronous=FULL)',
            round((ledgerMs.transition ?? 0) / (calls.transition ?? 1)),
            'ms',
          ),
          report(
            'chain-head query per pass',
            round((ledgerMs.dueChainHeads ?? 0) / (calls.dueChainHeads ?? 1)),
            'ms',
          ),
          against('punches delivered exactly once, in order', verdict.ok ? 1 : 0, 'yes/no', {
            op: '=',
            limit: 1,
            text: 'all 5,000, no duplicate',
          }),
        ],
        notes: [
          `ledger time during the drain: ${((ledgerMs.transition ?? 0) / 1000).toFixed(1)} s in ${calls.transition ?? 0} state ` +
            `changes, ${((ledgerMs.dueChainHeads ?? 0) / 1000).toFixed(1)} s in ${calls.dueChainHeads ?? 0} chain-head queries ` +
            `(event loop blocked ${((100 * ledgerTotalMs) / drainMs).toFixed(0)}% of the drain)`,
          `measured after a warm-up drain of the same size in the same process (the same people ` +
            `${WARM_UP_DAYS_BEFORE} days earlier, in a ledger of its own), as the PostgreSQL drain is`,
          `ground truth after the drain: ${describeVerdict(verdict)}`,
          `one-at-a-time sample: ${describeVerdict(sampleVerdict)}`,
          `per punch: ${(drainMs / plan.length).toFixed(2)} ms at concurrency ${concurrency}, ` +
            `${(sampleMs / sample.length).toFixed(2)} ms one at a time (latency ${LATENCY_MS} ms)`,
        ],
      };
    } finally {
      await running.close();
    }
  },
};
