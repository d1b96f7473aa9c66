import { describe, expect, it } from 'vitest';
import { isHeldForKenjoCheck } from '../../core/held-punch';
import type { LedgerPunch } from '../ledger/ledger';
import { insert, must, punchAt, stepHarness, type StepHarness, runStep } from '../testing/harness';

const AT = '2026-02-04T08:00:00+01:00';
const WALL = '2026-02-04T08:00:00';

/** A punch left `sending` by a crash or an ambiguous answer, decided earlier as an ordinary punch. */
function leftSending(h: StepHarness, at = AT): LedgerPunch {
  const [punch] = insert(h.ledger, punchAt(at));
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

/** Evidence of how Kenjo writes times: another employee's punch of the same morning, sent and stored. */
async function knownSent(
  h: StepHarness,
  at = '2026-02-04T07:45:13+01:00',
  employeeKey = 'u2',
): Promise<void> {
  const [punch] = insert(h.ledger, punchAt(at, { employeeKey }));
  expect(await runStep(h.ctx, must(punch))).toEqual({ kind: 'sent' });
}

describe('settling a sending chain head by read-back', () => {
  it('marks it sent without calling track-time when Kenjo has it', async () => {
    const h = stepHarness();
    await knownSent(h);
    const punch = leftSending(h);
    h.kenjo.stored.push({ userId: 'u1', dateTime: WALL, isOvernightShift: false });
    expect(await runStep(h.ctx, punch)).toEqual({ kind: 'sent' });
    expect(get(h, punch)).toMatchObject({ status: 'sent', deliveredAtMs: h.clock.ms, attempts: 1 });
    expect(h.kenjo.calls).toHaveLength(1);
    // Days D-2..D+1: every entry holding a punch of D-1 or D, whether Kenjo's `to` is inclusive or not.
    expect(h.kenjo.readBacks).toEqual(['2026-02-02..2026-02-05']);
  });

  it('queues it again, keeping its decision, when Kenjo does not have it; the retry sends it once', async () => {
    const h = stepHarness();
    await knownSent(h);
    const punch = leftSending(h);
    expect(await runStep(h.ctx, punch)).toEqual({ kind: 'retry-later', pauseAllUntilMs: null });
    const queued = get(h, punch);
    expect(queued).toMatchObject({ status: 'queued', nextAttemptAtMs: null, isOvernightShift: false });
    expect(queued.overnightReason).toBe('no open entry on 3 Feb');
    expect(h.kenjo.calls).toHaveLength(1);

    await runStep(h.ctx, queued);
    expect(get(h, punch)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(h.kenjo.stored.filter((p) => p.userId === 'u1')).toEqual([
      { userId: 'u1', dateTime: WALL, isOvernightShift: false },
    ]);
  });

  it("counts the employee's punches already sent at the same wall time (a repeated DST hour)", async () => {
    const h = stepHarness();
    // 02:30 CEST and 02:30 CET on 25 Oct 2026 are one hour apart and share a wall time.
    const [first] = insert(h.ledger, punchAt('2026-10-25T02:30:00+02:00'));
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

  it('holds it for an operator when no punch known to be in Kenjo shows how Kenjo writes times', async () => {
    const h = stepHarness();
    const punch = leftSending(h);
    h.kenjo.stored.push({ userId: 'u1', dateTime: WALL, isOvernightShift: false });
    expect(await runStep(h.ctx, punch)).toEqual({ kind: 'failed' });
    const held = get(h, punch);
    expect(held.status).toBe('failed');
    expect(held.reasonCode?.code).toBe('held-for-kenjo-check');
    expect(isHeldForKenjoCheck(held.reason, null)).toBe(true);
    expect(h.kenjo.calls).toHaveLength(0);
  });

  it('holds it when Kenjo lacks a punch known to be applied, however its times are read', async () => {
    const h = stepHarness();
    await knownSent(h);
    h.kenjo.stored.splice(0); // someone deleted it in Kenjo, or Kenjo reads back something else entirely
    const punch = leftSending(h);
    expect(await runStep(h.ctx, punch)).toEqual({ kind: 'failed' });
    expect(get(h, punch).reason).toMatch(
      /^Kenjo may already have this punch: check and confirm, or send it again \(Kenjo's entries do not show punches known to be there/,
    );
  });

  it('uses what an earlier read-back learned when this one has no evidence', async () => {
    const h = stepHarness();
    await knownSent(h);
    const first = leftSending(h);
    expect(await runStep(h.ctx, first)).toEqual({ kind: 'retry-later', pauseAllUntilMs: null });
    expect(h.ctx.readings.learned?.map((r) => r.clock)).toEqual(['wall', 'wall']);
    // A week later: no punch known to be in Kenjo near that day, but the way Kenjo writes times is known.
    const later = leftSending(h, '2026-02-11T08:00:00+01:00');
    h.kenjo.stored.push({ userId: 'u1', dateTime: later.kenjoDateTime, isOvernightShift: false });
    expect(await runStep(h.ctx, later)).toEqual({ kind: 'sent' });
  });
});
