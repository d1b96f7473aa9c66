/**
 * The delivery promise under every fault at once, against Kenjo's published shape: three kiosks, 240 employees,
 * three days of day, split and night shifts (one night across the October DST change) with double scans, fed
 * through the real ingest in shuffled and resent batches, replayed over HTTP to the simulator with 5xx, 429,
 * commit-then-fail (5xx, drop, stall), expiring tokens and latency. The simulator's ground truth must then hold
 * every punch exactly once, in order per employee, and every night shift as one overnight entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_FAULTS, runDelivery, type DeliveryRun } from '../testing/delivery-run';

const minute = (wallTime: string | null) => (wallTime === null ? null : wallTime.slice(0, 16));

describe('delivery to Kenjo under every fault at once', () => {
  let run: DeliveryRun;
  beforeAll(async () => {
    run = await runDelivery({ employees: 240, faults: ALL_FAULTS, deadlineMs: 75_000 });
  }, 90_000);
  afterAll(() => run.close());

  it('delivers every punch exactly once, in order per employee, each night shift as one overnight entry', () => {
    const { ledger, scenario, ingest, logger, sim } = run;
    const real = scenario.punches.filter((p) => !p.doubleScan);
    const doubles = scenario.punches.length - real.length;
    expect(ingest.results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(ingest.results.filter((r) => r.status === 'duplicate').length).toBeGreaterThan(0);
    expect(ledger.countByStatus()).toMatchObject({
      sent: real.length,
      ignored: doubles,
      failed: 0,
      queued: 0,
      sending: 0,
    });

    // Exactly once and in order: per employee, the applied calls' minutes are the scenario's, in the same order.
    const log = sim.simulator.log();
    const byUser = new Map<string, string[]>();
    for (const entry of log)
      byUser.set(entry.employeeId, [...(byUser.get(entry.employeeId) ?? []), entry.dateTime.slice(0, 16)]);
    expect(log).toHaveLength(real.length);
    expect(byUser).toEqual(scenario.minutesByUser);

    // Every shift is one entry; every night shift one overnight entry closed by a flagged call.
    const entries = sim.simulator.state().attendances.map((e) => ({
      userId: e.userId,
      date: e.date,
      start: minute(e.startTime),
      end: minute(e.endTime),
      overnight: e.isOvernightShift,
    }));
    const key = (e: { userId: string; start: string | null }) => `${e.userId} ${e.start}`;
    const sortByKey = <T extends { userId: string; start: string | null }>(list: T[]) =>
      [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sortByKey(entries)).toEqual(sortByKey(scenario.entries));
    const nights = scenario.entries.filter((e) => e.overnight).length;
    expect(log.filter((e) => e.appliedAs === 'overnight-close')).toHaveLength(nights);
    expect(entries.some((e) => e.date === '2026-10-24' && e.overnight)).toBe(true);

    // Every fault kind actually happened, so the test cannot pass vacuously.
    const reasons = logger.lines.map((l) => String(l.obj.reason ?? ''));
    const counters = sim.simulator.counters();
    const seen = {
      serverErrorBeforeApply: reasons.some((r) => r.includes('Kenjo answered 503')),
      serverErrorAfterApply: reasons.some((r) => r.includes('Kenjo answered 502')),
      rateLimit: reasons.some((r) => r.includes('(429)')),
      globalPause: logger.lines.some((l) => l.msg === 'Kenjo asked to wait; pausing all calls'),
      stall: reasons.some((r) => r.includes('no complete answer within 300 ms')),
      drop: reasons.some((r) => r.includes('connection failed')),
      readBackHasIt: reasons.some((r) => r.startsWith('read back: Kenjo has it')),
      readBackLacksIt: reasons.some((r) => r.startsWith('read back: Kenjo does not have it')),
      tokenRenewed: counters.logins > 2,
    };
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, true])));
    if (process.env.DELIVERY_FIGURES) {
      console.info({
        punches: scenario.punches.length,
        real: real.length,
        doubles,
        nights,
        counters,
        durationMs: run.durationMs,
      });
    }
  });
});
