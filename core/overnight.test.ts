import { describe, expect, it } from 'vitest';
import { decideOvernight, overnightWitnesses, type DeliveredPunch } from './overnight';
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

describe('overnightWitnesses', () => {
  it.each(PAIRING_CASES.map((c) => [c.name, c] as const))('%s as the whole history does', (_name, c) => {
    const witnesses = overnightWitnesses(c.history, c.punch.wallTime);
    const decision = decideOvernight(witnesses, c.punch, c.maxShiftHours);
    expect({ isOvernightShift: decision.isOvernightShift, reason: decision.reason.text }).toEqual({
      isOvernightShift: c.isOvernightShift,
      reason: c.reason,
    });
  });

  it("keep D-2, D-1 and D, less D-2's own overnight closes and anything earlier", () => {
    const history = [
      sent('2026-02-01T23:00:00'),
      sent('2026-02-02T07:00:00', { isOvernightShift: true }),
      sent('2026-02-02T22:00:00'),
      sent('2026-02-03T06:00:00', { isOvernightShift: true }),
      sent('2026-02-03T19:00:00', { isOvernightShift: true }),
      sent('2026-02-03T22:00:00'),
      sent('2026-02-04T01:00:00'),
    ];
    expect(overnightWitnesses(history, '2026-02-04T06:00:00').map((p) => p.wallTime)).toEqual([
      '2026-02-02T22:00:00',
      '2026-02-03T06:00:00',
      '2026-02-03T19:00:00',
      '2026-02-03T22:00:00',
      '2026-02-04T01:00:00',
    ]);
  });

  it("tell a flagged punch of D-1 that closed nothing from a close: it opened D-1's entry", () => {
    // Sent flagged while the proxy believed 2 Feb had an open entry; Kenjo had none, so 17:00 opened 3 Feb's.
    const history = [sent('2026-02-03T17:00:00', { isOvernightShift: true })];
    const next = punch('2026-02-04T05:00:00');
    const decision = decideOvernight(overnightWitnesses(history, next.wallTime), next, 16);
    expect(decision).toMatchObject({ isOvernightShift: true, reason: { code: 'overnight-closes' } });
    expect(decision).toEqual(decideOvernight(history, next, 16));
  });

  it('are none for a punch after 18:00, which no history can make an overnight close', () => {
    expect(overnightWitnesses([sent('2026-02-04T08:00:00')], '2026-02-04T18:00:01')).toEqual([]);
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
