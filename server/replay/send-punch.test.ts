import { describe, expect, it } from 'vitest';
import type { LedgerPunch } from '../ledger/ledger';
import type { PlannedOutcome } from '../testing/fake-kenjo';
import { insert, must, punchAt, stepHarness, type StepHarness, runStep } from '../testing/harness';

const NOW = Date.parse('2026-02-04T12:00:00Z');

function queuedHead(h: StepHarness): LedgerPunch {
  h.clock.ms = NOW;
  const [punch] = insert(h.ledger, punchAt('2026-02-04T08:00:00+01:00'));
  return must(punch);
}

describe('sending a queued chain head', () => {
  it.each<{
    plan: PlannedOutcome;
    result: string;
    status: string;
    nextAttemptAtMs: number | null;
    lastError: RegExp | null;
    reason: RegExp | null;
    stored: number;
  }>([
    {
      plan: 'applied',
      result: 'sent',
      status: 'sent',
      nextAttemptAtMs: null,
      lastError: null,
      reason: null,
      stored: 1,
    },
    {
      plan: 'server-error',
      result: 'retry-later',
      status: 'queued',
      nextAttemptAtMs: NOW + 500,
      lastError: /503/,
      reason: null,
      stored: 0,
    },
    {
      plan: 'rate-limited',
      result: 'retry-later',
      status: 'queued',
      nextAttemptAtMs: NOW + 1000,
      lastError: /429/,
      reason: null,
      stored: 0,
    },
    {
      plan: 'commit-then-unknown',
      result: 'unknown',
      status: 'sending',
      nextAttemptAtMs: NOW + 2000,
      lastError: /dropped/,
      reason: null,
      stored: 1,
    },
    {
      plan: 'lost-unknown',
      result: 'unknown',
      status: 'sending',
      nextAttemptAtMs: NOW + 2000,
      lastError: /300 ms/,
      reason: null,
      stored: 0,
    },
    {
      plan: 'rejected',
      result: 'failed',
      status: 'failed',
      nextAttemptAtMs: null,
      lastError: /Employee not found/,
      reason: /Kenjo refused it \(400\): Employee not found/,
      stored: 0,
    },
  ])('$plan → $status', ({ plan, result, status, nextAttemptAtMs, lastError, reason, stored }) => {
    const h = stepHarness();
    const punch = queuedHead(h);
    h.kenjo.plan(plan);
    return runStep(h.ctx, punch).then((outcome) => {
      const after = must(h.ledger.getPunch(punch.kioskId, punch.id));
      expect(outcome.kind).toBe(result);
      expect(after.status).toBe(status);
      expect(after.attempts).toBe(1);
      expect(after.nextAttemptAtMs).toBe(nextAttemptAtMs);
      expect(after.deliveredAtMs).toBe(status === 'sent' ? NOW : null);
      if (lastError === null) expect(after.lastError).toBeNull();
      else expect(after.lastError).toMatch(lastError);
      if (reason === null) expect(after.reason).toBeNull();
      else expect(after.reason).toMatch(reason);
      expect(h.kenjo.stored).toHaveLength(stored);
      expect(h.kenjo.calls).toEqual([
        { employee: { userId: 'u1' }, dateTime: '2026-02-04T08:00:00', isOvernightShift: false },
      ]);
    });
  });

  it('asks for a global pause only when Kenjo named a wait', async () => {
    const h = stepHarness({ kenjo: { retryAfterMs: 4000 } });
    h.kenjo.plan('rate-limited', 'server-error');
    expect(await runStep(h.ctx, queuedHead(h))).toEqual({ kind: 'retry-later', pauseAllUntilMs: NOW + 4000 });
    const [other] = insert(h.ledger, punchAt('2026-02-04T09:00:00+01:00', { employeeKey: 'u2' }));
    expect(await runStep(h.ctx, must(other))).toEqual({ kind: 'retry-later', pauseAllUntilMs: null });
  });

  it('commits sending with the decision before Kenjo sees the call', async () => {
    const seen: Array<LedgerPunch | null> = [];
    const h = stepHarness({ kenjo: { onCall: () => seen.push(h.ledger.getPunch(punch.kioskId, punch.id)) } });
    const punch = queuedHead(h);
    await runStep(h.ctx, punch);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ status: 'sending', attempts: 1, isOvernightShift: false });
    expect(seen[0]?.overnightReason).toEqual(expect.any(String));
  });

  it.each([
    {
      label: 'closes the previous evening',
      startAt: '2026-02-03T22:00:00+01:00',
      endAt: '2026-02-04T06:00:00+01:00',
      flag: true,
      reason: /closes the 22:00 entry of 3 Feb/,
    },
    {
      label: 'a forgotten clock-out is not closed',
      startAt: '2026-02-03T08:00:00+01:00',
      endAt: '2026-02-04T06:00:00+01:00',
      flag: false,
      reason: /16 h/,
    },
    {
      label: 'no open entry the day before',
      startAt: '2026-02-04T07:00:00+01:00',
      endAt: '2026-02-04T15:00:00+01:00',
      flag: false,
      reason: /no open entry/,
    },
  ])('stores the overnight decision with its reason: $label', async ({ startAt, endAt, flag, reason }) => {
    const h = stepHarness();
    const [start, end] = insert(h.ledger, punchAt(startAt), punchAt(endAt));
    await runStep(h.ctx, must(start));
    await runStep(h.ctx, must(end));
    const stored = must(h.ledger.getPunch(must(end).kioskId, must(end).id));
    expect(stored).toMatchObject({ status: 'sent', isOvernightShift: flag });
    expect(stored.overnightReason).toMatch(reason);
    expect(h.kenjo.calls.at(-1)?.isOvernightShift).toBe(flag);
  });

  it('closes the previous evening after a week of night shifts, each night closed in turn', async () => {
    const h = stepHarness();
    const nights = ['01', '02', '03', '04', '05', '06', '07'].flatMap((day, i) => {
      const next = String(i + 2).padStart(2, '0');
      return [punchAt(`2026-02-${day}T22:00:00+01:00`), punchAt(`2026-02-${next}T06:00:00+01:00`)];
    });
    const sent = insert(h.ledger, ...nights);
    for (const punch of sent) await runStep(h.ctx, must(punch));
    expect(h.kenjo.calls.map((call) => call.isOvernightShift)).toEqual(sent.map((_, i) => i % 2 === 1));
  });

  it('logs one line per state change, naming the punch and never a credential', async () => {
    const h = stepHarness();
    const punch = queuedHead(h);
    await runStep(h.ctx, punch);
    const changes = h.logger.lines.filter((line) => line.msg === 'punch state').map((line) => line.obj);
    expect(changes).toEqual([
      expect.objectContaining({
        punch: { kioskId: punch.kioskId, id: punch.id },
        from: 'queued',
        to: 'sending',
      }),
      expect.objectContaining({
        punch: { kioskId: punch.kioskId, id: punch.id },
        from: 'sending',
        to: 'sent',
      }),
    ]);
    expect(JSON.stringify(h.logger.lines)).not.toMatch(/apiKey|token|Bearer/i);
  });

  it('leaves a punch an operator moved meanwhile alone', async () => {
    const h = stepHarness();
    const punch = queuedHead(h);
    h.ledger.transition(punch.kioskId, punch.id, { from: ['queued'], to: 'discarded', reason: 'test' });
    expect(await runStep(h.ctx, punch)).toEqual({ kind: 'waiting', retryAtMs: null });
    expect(h.kenjo.calls).toHaveLength(0);
  });
});
