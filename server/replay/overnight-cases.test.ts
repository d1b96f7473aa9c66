import { describe, expect, it } from 'vitest';
import { PAIRING_CASES } from '../../core/testing/pairing-cases';
import { insert, memoryLedger, must, punchAt } from '../testing/harness';
import { decideFor } from './send-punch';
import { neighbourhood } from './step';

describe("the replay's overnight decision, from the punches the ledger delivered", () => {
  it.each(PAIRING_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
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
    const punch = { ...must(next), employeeKey: 'u1' };
    // The punches the replay reads around a head before sending it, which the decision takes its witnesses from.
    const range = neighbourhood(punch);
    const near = ledger.punchesOfEmployeeBetween('u1', range.fromMs, range.toMs);
    expect(decideFor({ maxShiftHours: c.maxShiftHours }, punch, near).isOvernightShift).toBe(
      c.isOvernightShift,
    );
    ledger.close();
  });
});
