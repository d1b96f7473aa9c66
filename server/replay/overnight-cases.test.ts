import { describe, expect, it } from 'vitest';
import { PAIRING_CASES } from '../../core/testing/pairing-cases';
import { insert, memoryLedger, must, punchAt } from '../testing/harness';
import { asyncOf } from '../testing/ledger-factories';
import { decideFor } from './send-punch';

const DAYS_3 = 3 * 24 * 60 * 60 * 1000;

describe("the replay's overnight decision, from the punches the ledger delivered", () => {
  it.each(PAIRING_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const ledger = memoryLedger();
    const ofCase = (wallTime: string, atMs: number) =>
      punchAt(new Date(atMs).toISOString(), { kenjoDateTime: wallTime, timeZone: c.timeZone });
    for (const delivered of c.history) {
      const [stored] = insert(ledger, ofCase(delivered.wallTime, delivered.atMs));
      ledger.transition(must(stored).kioskId, must(stored).id, {
        from: ['queued'],
        to: 'sent',
        isOvernightShift: delivered.isOvernightShift,
      });
    }
    const [next] = insert(ledger, ofCase(c.punch.wallTime, c.punch.atMs));
    const ctx = { ledger: asyncOf(ledger), maxShiftHours: c.maxShiftHours };
    const punch = { ...must(next), employeeKey: 'u1' };
    const decision = await decideFor(ctx, punch);
    expect(decision.isOvernightShift).toBe(c.isOvernightShift);
    // The replay decides from the punches it read around the head (three days either way) instead of a second read.
    const near = await ctx.ledger.punchesOfEmployeeBetween('u1', punch.atMs - DAYS_3, punch.atMs + DAYS_3);
    expect(await decideFor(ctx, punch, near)).toEqual(decision);
    ledger.close();
  });
});
