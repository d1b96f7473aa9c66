import { describe, expect, it } from 'vitest';
import { belongsTo, countAt } from './read-back';
import type { KenjoAttendance, ReadBackEmployee } from './types';

function entry(overrides: Partial<KenjoAttendance> = {}): KenjoAttendance {
  return {
    id: 'a1',
    userId: 'u1',
    email: 'ana@demo.example',
    externalId: 'B-1001',
    date: '2026-02-04',
    startTime: '2026-02-04T08:00:00',
    endTime: '2026-02-04T12:00:00',
    isOvernightShift: false,
    ...overrides,
  };
}

const ANA: ReadBackEmployee = { userId: 'u1', email: 'Ana@Demo.example', externalId: 'B-1001' };

describe('belongsTo', () => {
  it.each([
    ['the same userId', entry(), true],
    ['another userId, same email', entry({ userId: 'u2' }), false],
    ['no userId, email in another case', entry({ userId: null, externalId: null }), true],
    ['no userId, other email, same badge', entry({ userId: null, email: 'x@y.z' }), false],
    ['no userId, no email, same badge', entry({ userId: null, email: null }), true],
    ['no userId, no email, other badge', entry({ userId: null, email: null, externalId: 'B-2' }), false],
    ['no identifier at all', entry({ userId: null, email: null, externalId: null }), false],
  ])('%s → %s', (_label, candidate, expected) => {
    expect(belongsTo(candidate, ANA)).toBe(expected);
  });

  it('does not match on a missing employee email', () => {
    expect(belongsTo(entry({ userId: null }), { userId: 'u1', email: null, externalId: null })).toBe(false);
  });
});

describe('countAt', () => {
  const entries = [
    entry(),
    entry({ id: 'a2', startTime: '2026-02-04T12:00:00', endTime: null }),
    entry({ id: 'a3', userId: 'u2', startTime: '2026-02-04T12:00:00', endTime: null }),
    entry({
      id: 'a4',
      date: '2026-02-03',
      startTime: '2026-02-03T22:00:00',
      endTime: '2026-02-04T06:00:00',
      isOvernightShift: true,
    }),
  ];

  it.each([
    ['a start', '2026-02-04T08:00:00', 1],
    ['an end and a start at the same time (twice stored)', '2026-02-04T12:00:00', 2],
    ['an overnight end dated the next day', '2026-02-04T06:00:00', 1],
    ['an overnight start', '2026-02-03T22:00:00', 1],
    ['nothing', '2026-02-04T09:00:00', 0],
  ])('counts %s', (_label, dateTime, expected) => {
    expect(countAt(entries, ANA, dateTime)).toBe(expected);
  });
});
