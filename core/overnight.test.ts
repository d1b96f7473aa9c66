import { describe, expect, it } from 'vitest';
import { decideOvernight, type DeliveredPunch } from './overnight';
import { PAIRING_CASES, punch, sent } from './testing/pairing-cases';

describe('decideOvernight', () => {
  it.each(PAIRING_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const decision = decideOvernight(c.history, c.punch, c.maxShiftHours);
    expect({ isOvernightShift: decision.isOvernightShift, reason: decision.reason.text }).toEqual({
      isOvernightShift: c.isOvernightShift,
      reason: c.reason,
    });
  });

  it('is not overnight one millisecond over the limit', () => {
    const history = [sent('2026-02-03T14:00:00')];
    const late = punch('2026-02-04T06:00:00');
    expect(decideOvernight(history, { ...late, atMs: late.atMs + 1 }, 16).isOvernightShift).toBe(false);
  });

  it('refuses an open entry that starts after the punch', () => {
    const now = punch('2026-02-04T06:00:00');
    const history = [sent('2026-02-03T23:00:00', { atMs: now.atMs + 1000 })];
    expect(decideOvernight(history, now, 16)).toEqual({
      isOvernightShift: false,
      reason: {
        code: 'overnight-starts-after',
        params: { start: '2026-02-03T23:00:00' },
        text: 'the open entry of 3 Feb starts at 23:00, after this punch',
      },
    });
  });

  it.each([-1, NaN, Infinity])('throws for a limit of %s hours', (maxShiftHours) => {
    expect(() => decideOvernight([], punch('2026-02-04T06:00:00'), maxShiftHours)).toThrow(RangeError);
  });
});

describe('decideOvernight over a sequence of deliveries', () => {
  it('closes the night once, then treats the next punch of the morning as ordinary', () => {
    const history: DeliveredPunch[] = [];
    const decisions = ['2026-02-03T22:00:00', '2026-02-04T06:00:00', '2026-02-04T07:00:00'].map(
      (wallTime) => {
        const next = punch(wallTime);
        const decision = decideOvernight(history, next, 16);
        history.push({ ...next, isOvernightShift: decision.isOvernightShift });
        return decision.isOvernightShift;
      },
    );
    expect(decisions).toEqual([false, true, false]);
  });
});
