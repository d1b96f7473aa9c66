import { describe, expect, it } from 'vitest';
import { decidePunch, type DecisionInput } from './decide-punch';

const at = (wall: string) => Date.parse(`${wall}+01:00`);
const known = {
  kind: 'known',
  employee: { key: 'e1', badgeHash: 'x', emailHash: null },
} as const;

function input(overrides: Partial<DecisionInput> = {}): DecisionInput {
  return {
    lookup: known,
    previousAtMs: [],
    atMs: at('2026-02-04T08:01:30'),
    doubleScanWindowS: 60,
    maxShiftHours: 16,
    timeZone: 'Europe/Berlin',
    ...overrides,
  };
}

describe('decidePunch', () => {
  it.each([
    ['a first punch of the day is in', {}, { kind: 'record', direction: 'in' }],
    [
      'a second punch of the day is out',
      { previousAtMs: [at('2026-02-04T07:00:00')] },
      { kind: 'record', direction: 'out' },
    ],
    [
      'a third punch of the day is in again',
      { previousAtMs: [at('2026-02-04T07:00:00'), at('2026-02-04T07:30:00')] },
      { kind: 'record', direction: 'in' },
    ],
    [
      "yesterday's punches do not count for today",
      {
        previousAtMs: [at('2026-02-03T09:00:00'), at('2026-02-03T17:00:00'), at('2026-02-03T18:00:00')],
        atMs: at('2026-02-04T20:00:00'),
      },
      { kind: 'record', direction: 'in' },
    ],
    [
      "a morning punch closes last night's shift",
      { previousAtMs: [at('2026-02-03T22:00:00')], atMs: at('2026-02-04T06:00:00') },
      { kind: 'record', direction: 'out' },
    ],
    [
      'an unverifiable identifier is recorded',
      { lookup: { kind: 'unverifiable' } },
      { kind: 'record', direction: 'in' },
    ],
    [
      'an identifier the fresh directory lacks is refused',
      { lookup: { kind: 'unknown' } },
      { kind: 'unknown' },
    ],
    [
      '59 s after a punch is a double scan',
      { previousAtMs: [at('2026-02-04T08:00:31')] },
      { kind: 'double-scan', firstAtMs: at('2026-02-04T08:00:31') },
    ],
    [
      '60 s after a punch is a new punch',
      { previousAtMs: [at('2026-02-04T08:00:30')] },
      { kind: 'record', direction: 'out' },
    ],
    [
      'a window of 0 turns the rule off',
      { previousAtMs: [at('2026-02-04T08:01:30')], doubleScanWindowS: 0 },
      { kind: 'record', direction: 'out' },
    ],
    ['an inactive employee is refused', { lookup: { kind: 'inactive' } }, { kind: 'inactive' }],
    [
      'the unknown check comes before the double-scan check',
      { lookup: { kind: 'unknown' }, previousAtMs: [at('2026-02-04T08:01:00')] },
      { kind: 'unknown' },
    ],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(decidePunch(input(overrides))).toEqual(expected);
  });
});
