import { describe, expect, it } from 'vitest';
import { addDays, isWallTime, splitRange, toWallTime } from './dates';

describe('addDays', () => {
  it.each([
    ['2026-02-04', -1, '2026-02-03'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-29', 1, '2026-03-30'],
  ])('%s %+d → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([['2026-02-30'], ['2026-2-4'], ['yesterday']])('refuses %j', (date) => {
    expect(() => addDays(date, 1)).toThrow(TypeError);
  });
});

describe('splitRange', () => {
  it.each([
    ['2026-02-03', '2026-02-04', [['2026-02-03', '2026-02-04']]],
    ['2026-01-01', '2026-01-31', [['2026-01-01', '2026-01-31']]],
    [
      '2026-01-01',
      '2026-02-01',
      [
        ['2026-01-01', '2026-01-31'],
        ['2026-02-01', '2026-02-01'],
      ],
    ],
    [
      '2026-01-01',
      '2026-03-15',
      [
        ['2026-01-01', '2026-01-31'],
        ['2026-02-01', '2026-03-03'],
        ['2026-03-04', '2026-03-15'],
      ],
    ],
    ['2026-02-04', '2026-02-03', []],
  ])('%s..%s', (from, to, expected) => {
    expect(splitRange(from, to)).toEqual(expected);
  });
});

describe('wall times', () => {
  it.each([
    ['2026-02-04T06:00:00', true],
    ['2026-02-04T06:00:00Z', false],
    ['2026-02-04 06:00:00', false],
    ['2026-02-04T06:00', false],
  ])('isWallTime(%j) is %s', (value, expected) => {
    expect(isWallTime(value)).toBe(expected);
  });

  it("drops Kenjo's fake Z and fraction", () => {
    expect(toWallTime('2026-02-04T06:00:00.000Z')).toBe('2026-02-04T06:00:00');
  });
});
