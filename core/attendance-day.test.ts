import { describe, expect, it } from 'vitest';
import { canCloseOvernight, pairDays, presenceAt } from './attendance-day';
import { PAIRING_CASES, sent } from './testing/pairing-cases';

describe('presenceAt: is the person in just before the punch?', () => {
  it.each(PAIRING_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(presenceAt(c.history, c.punch, c.maxShiftHours).in !== null).toBe(c.in);
  });
});

describe('pairDays', () => {
  it('gives a punch not sent yet the flag the rule gives it at its turn', () => {
    const night = sent('2026-02-03T22:00:00');
    const morning = { ...sent('2026-02-04T06:00:00'), isOvernightShift: null };
    const later = { ...sent('2026-02-04T07:00:00'), isOvernightShift: null };
    const { days, flags } = pairDays([later, morning, night], 16);
    expect([flags.get(night), flags.get(morning), flags.get(later)]).toEqual([false, true, false]);
    expect(days.get('2026-02-03')).toEqual([]);
    expect(days.get('2026-02-04')).toEqual([later]);
  });
});

describe('canCloseOvernight', () => {
  it.each([
    ['2026-02-04T00:00:00', true],
    ['2026-02-04T18:00:00', true],
    ['2026-02-04T18:00:01', false],
  ])('%s → %s', (wallTime, expected) => {
    expect(canCloseOvernight(wallTime)).toBe(expected);
  });
});
