/**
 * The delivery promise once per read variant Kenjo's contract allows, every fault on: seconds truncated, the `Z`
 * a true UTC instant, `to` exclusive, attendances paged. Punches carry seconds, so a read-back that compared them
 * exactly would miss truncated ones and send them again. Where a read-back cannot settle a punch, it is held for
 * an operator: nothing is ever doubled, and every punch is sent once, held, or waits behind a held one.
 */
import { describe, expect, it } from 'vitest';
import type { Faults } from '../simulator/faults';
import { ALL_FAULTS, runDelivery } from '../testing/delivery-run';
import { SCENARIO_ZONE } from '../testing/scenario';

/** Each variant, and how the read-backs must have come to read Kenjo's times. */
const VARIANTS: Array<[string, Partial<Faults>, RegExp]> = [
  [
    'seconds truncated',
    { readSecondsTruncated: true },
    /times read as the wall clock behind the Z, seconds truncated\)/,
  ],
  ['Z as a UTC instant', { readUtcZone: SCENARIO_ZONE }, /times read as a UTC instant, seconds kept/],
  ['to exclusive', { readToExclusive: true }, /times read as the wall clock behind the Z, seconds kept/],
  ['attendances paged', { readPageSize: 25 }, /times read as the wall clock behind the Z, seconds kept/],
];

describe.each(VARIANTS)('delivery with Kenjo reading back %s', (label, variant, reading) => {
  it('sends no punch twice; each is sent once, held for an operator, or waits behind a held one', async () => {
    const run = await runDelivery({
      employees: 48,
      faults: { ...ALL_FAULTS, commitThenFailRate: 0.2, ...variant },
      withSeconds: true,
      deadlineMs: 50_000,
    });
    try {
      const { ledger, scenario, sim } = run;
      const log = sim.simulator.log();
      const applied = new Map<string, string[]>();
      for (const e of log)
        applied.set(e.employeeId, [...(applied.get(e.employeeId) ?? []), e.dateTime.slice(0, 16)]);

      const counts = ledger.countByStatus();
      const failed = ledger.listPunches({ status: ['failed'], limit: 500 }).punches;
      expect(failed.every((p) => p.reasonCode?.code === 'held-for-kenjo-check')).toBe(true);
      const heldUsers = new Set(failed.map((p) => p.employeeKey));
      const real = scenario.punches.filter((p) => !p.doubleScan);
      // Nothing lost, nothing doubled: held + sent once + waiting behind held == every real punch.
      expect(counts.sent + counts.failed + counts.queued).toBe(real.length);
      expect(counts.sending).toBe(0);
      expect(log.length).toBeLessThanOrEqual(counts.sent + counts.failed);
      expect(log.length).toBeGreaterThanOrEqual(counts.sent);

      for (const [userId, expected] of scenario.minutesByUser) {
        const got = applied.get(userId) ?? [];
        if (!heldUsers.has(userId)) {
          expect(got, userId).toEqual(expected);
          continue;
        }
        // Up to the held punch in order, the held one at most once, nothing after it.
        expect(expected.slice(0, got.length), userId).toEqual(got);
        const sentOfUser = ledger.listPunches({ status: ['sent'], employeeKey: userId, limit: 500 }).punches
          .length;
        expect(got.length - sentOfUser, userId).toBeLessThanOrEqual(1);
      }
      expect(counts.sent).toBeGreaterThan(real.length / 2);
      // Ambiguous calls happened and were settled both ways, reading Kenjo's times as this variant writes them.
      const reasons = run.logger.lines.map((l) => String(l.obj.reason ?? ''));
      const landed = reasons.filter((r) => r.startsWith('read back: Kenjo has it'));
      expect(landed.length).toBeGreaterThan(0);
      expect(
        landed.every((r) => reading.test(r)),
        landed[0],
      ).toBe(true);
      expect(reasons.some((r) => r.startsWith('read back: Kenjo does not have it'))).toBe(true);
      console.info(
        `${label}: ${real.length} punches, ${counts.sent} sent once, ${counts.failed} held, ${counts.queued} behind held, ${run.durationMs} ms`,
      );
    } finally {
      await run.close();
    }
  }, 70_000);
});
