import { describe, expect, it } from 'vitest';
import { belongsTo } from './read-back';
import type { KenjoAttendance, ReadBackEmployee } from './types';

function entry(overrides: Partial<KenjoAttendance> = {}): KenjoAttendance {
  return {
    id: 'a1',
    userId: 'u1',
    email: 'ana@demo.example',
    externalId: 'B-1001',
    startTime: '2026-02-04T08:00:00.000Z',
    endTime: '2026-02-04T12:00:00.000Z',
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
    [
      'no userId, email with spaces around it',
      entry({ userId: null, externalId: null, email: ' ana@demo.example ' }),
      true,
    ],
    [
      'no userId, no email, badge with spaces around it',
      entry({ userId: null, email: null, externalId: 'B-1001 ' }),
      true,
    ],
    [
      'no userId, no email, badge in another case',
      entry({ userId: null, email: null, externalId: 'b-1001' }),
      false,
    ],
    ['no identifier at all', entry({ userId: null, email: null, externalId: null }), false],
  ])('%s → %s', (_label, candidate, expected) => {
    expect(belongsTo(candidate, ANA)).toBe(expected);
  });

  it('does not match on a missing employee email', () => {
    expect(belongsTo(entry({ userId: null }), { userId: 'u1', email: null, externalId: null })).toBe(false);
  });
});
