import { describe, expect, it } from 'vitest';
import type { LedgerPunch } from '../ledger/ledger';
import { insert, must, newPunch, stepHarness, type StepHarness, runStep } from '../testing/harness';

const AT = '2026-02-04T08:00:00+01:00';
const WALL = '2026-02-04T08:00:00';

/** A punch left `sending` by a crash or an ambiguous answer, decided earlier as an ordinary punch. */
function leftSending(h: StepHarness, at = AT): LedgerPunch {
  const [punch] = insert(h.ledger, newPunch(at));
  return must(
    h.ledger.transition(must(punch).kioskId, must(punch).id, {
      from: ['queued'],
      to: 'sending',
      isOvernightShift: false,
      overnightReason: 'no open entry on 3 Feb',
      incrementAttempts: true,
    }),
  );
}

const get = (h: StepHarness, p: LedgerPunch) => must(h.ledger.getPunch(p.kioskId, p.id));

describe('settling a sending chain head by read-back', () => {
  it('marks it sent without calling track-time when Kenjo has it', async () => {
    const h = stepHarness();
    const punch = leftSending(h);
    h.kenjo.stored.push({ userId: 'u1', dateTime: WALL, isOvernightShift: false });
    expect(await runStep(h.ctx, punch)).toEqual({ kind: 'sent' });
    expect(get(h, punch)).toMatchObject({ status: 'sent', deliveredAtMs: h.clock.ms, attempts: 1 });
    expect(h.kenjo.calls).toHaveLength(0);
    expect(h.kenjo.readBacks).toEqual([WALL]);
  });

  it('queues it again, keeping its decision, when Kenjo does not have it; the retry sends it once', async () => {
    const h = stepHarness();
    const punch = leftSending(h);
    expect(await runStep(h.ctx, punch)).toEqual({ kind: 'retry-later', pauseAllUntilMs: null });
    const queued = get(h, punch);
    expect(queued).toMatchObject({ status: 'queued', nextAttemptAtMs: null, isOvernightShift: false });
    expect(queued.overnightReason).toBe('no open entry on 3 Feb');
    expect(h.kenjo.calls).toHaveLength(0);

    await runStep(h.ctx, queued);
    expect(get(h, punch)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(h.kenjo.stored).toEqual([{ userId: 'u1', dateTime: WALL, isOvernightShift: false }]);
  });

  it("counts the employee's punches already sent at the same wall time (a repeated DST hour)", async () => {
    const h = stepHarness();
    // 02:30 CEST and 02:30 CET on 25 Oct 2026 are one hour apart and share a wall time.
    const [first] = insert(h.ledger, newPunch('2026-10-25T02:30:00+02:00'));
    await runStep(h.ctx, must(first));
    const second = leftSending(h, '2026-10-25T02:30:00+01:00');
    expect(second.kenjoDateTime).toBe(must(first).kenjoDateTime);

    expect(await runStep(h.ctx, second)).toEqual({ kind: 'retry-later', pauseAllUntilMs: null });
    expect(get(h, second).status).toBe('queued');

    h.kenjo.stored.push({ userId: 'u1', dateTime: second.kenjoDateTime, isOvernightShift: false });
    const again = must(
      h.ledger.transition(second.kioskId, second.id, {
        from: ['queued'],
        to: 'sending',
        incrementAttempts: true,
      }),
    );
    expect(await runStep(h.ctx, again)).toEqual({ kind: 'sent' });
  });

  it('stays sending with a backoff when the read-back fails, and never resends unread', async () => {
    const h = stepHarness();
    const punch = leftSending(h);
    h.kenjo.failReadBacks(1);
    const result = await runStep(h.ctx, punch);
    expect(result).toEqual({ kind: 'waiting', retryAtMs: h.clock.ms + 500 });
    expect(get(h, punch)).toMatchObject({
      status: 'sending',
      nextAttemptAtMs: h.clock.ms + 500,
      lastError: 'read-back failed: Kenjo did not answer',
    });
    expect(h.kenjo.calls).toHaveLength(0);
  });
});
