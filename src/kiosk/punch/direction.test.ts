import { describe, expect, it } from 'vitest';
import { PAIRING_CASES } from '../../../core/testing/pairing-cases';
import { guessDirection } from './direction';

describe("the kiosk's in/out guess, from this device's punches alone", () => {
  it.each(PAIRING_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const previousAtMs = c.history.map((p) => p.atMs);
    const expected = c.in ? 'out' : 'in';
    expect(guessDirection(previousAtMs, c.punch.atMs, c.timeZone, c.maxShiftHours)).toBe(expected);
  });

  it('follows the longest shift it is configured with', () => {
    const night = Date.parse('2026-02-03T22:00:00+01:00');
    const morning = Date.parse('2026-02-04T06:00:00+01:00');
    expect(guessDirection([night], morning, 'Europe/Berlin', 8)).toBe('out');
    expect(guessDirection([night], morning, 'Europe/Berlin', 7)).toBe('in');
  });
});
