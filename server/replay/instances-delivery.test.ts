/**
 * The delivery promise with two proxy processes on one PostgreSQL database: the kiosks' batches spread over both,
 * each instance SIGKILLed at random moments and restarted while the other goes on. Once under every Kenjo fault at
 * once, once under the crash test's faults (calls that commit and then stall or drop, so that punches are caught
 * `sending` when their instance dies). The simulator's ground truth must hold every punch once, in order per
 * employee, with the right pairs and overnight flags.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ALL_FAULTS } from '../testing/delivery-run';
import { runAcrossInstances, type InstancesRun, type InstancesRunOptions } from '../testing/instances-run';
import { describePostgres } from '../testing/postgres-fixture';
import { byEntryKey, kenjoGroundTruth } from '../testing/proxy-http';

const CRASH_FAULTS: InstancesRunOptions['faults'] = {
  latencyMs: 20,
  serverErrorRate: 0.05,
  commitThenFailRate: 0.3,
  commitThenFailModes: ['stall', 'drop'],
  stallMs: 5000,
};

const RUNS: Array<{
  name: string;
  options: Omit<InstancesRunOptions, 'postgresServerUrl' | 'kills' | 'deadlineMs'>;
}> = [
  {
    name: 'under every Kenjo fault at once',
    options: {
      employees: 90,
      days: ['2026-10-23', '2026-10-24', '2026-10-25'],
      faults: ALL_FAULTS,
      seed: 31,
    },
  },
  {
    name: 'with calls that commit and then stall or drop',
    options: { employees: 60, days: ['2026-10-23', '2026-10-24'], faults: CRASH_FAULTS, seed: 77 },
  },
];

for (const { name, options } of RUNS) {
  describePostgres(`two instances on one PostgreSQL, each killed at random, ${name}`, (postgresServerUrl) => {
    let run: InstancesRun;
    beforeAll(async () => {
      run = await runAcrossInstances({ postgresServerUrl, kills: 4, deadlineMs: 150_000, ...options });
    }, 180_000);
    afterAll(() => run?.close());

    it('delivers every punch once, in order per employee, with the right pairs and overnight flags', () => {
      const { scenario, statuses, resent, killed, pair, sim } = run;
      expect(statuses.filter((s) => s !== 'accepted')).toEqual([]);
      expect(new Set(resent)).toEqual(new Set(['duplicate']));
      // Both instances died and came back: each had a process per start.
      expect(new Set(killed)).toEqual(new Set([0, 1]));
      for (const index of [0, 1]) {
        expect(pair.pids(index)).toHaveLength(killed.filter((k) => k === index).length + 1);
      }

      const truth = kenjoGroundTruth(sim);
      expect(truth.minutesByUser).toEqual(scenario.minutesByUser);
      expect(truth.entries).toEqual(byEntryKey(scenario.entries));
      expect(scenario.entries.some((e) => e.overnight)).toBe(true);
    });
  });
}
