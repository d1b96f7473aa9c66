import { describe, expect, it } from 'vitest';
import { hasWallTimeShape, splitRange, wallTimeOfKenjoStamp } from './dates';

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
  ])('hasWallTimeShape(%j) is %s', (value, expected) => {
    expect(hasWallTimeShape(value)).toBe(expected);
  });

  it("drops Kenjo's fake Z and fraction", () => {
    expect(wallTimeOfKenjoStamp('2026-02-04T06:00:00.000Z')).toBe('2026-02-04T06:00:00');
  });
});
