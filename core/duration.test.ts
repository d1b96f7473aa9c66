import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

const H = 3_600_000;
const MIN = 60_000;

describe('formatDuration', () => {
  it.each([
    [8 * H, '8 h'],
    [7 * H + 30 * MIN, '7 h 30 min'],
    [16 * H + 1000, '16 h 1 s'],
    [45 * MIN, '45 min'],
    [59_999, '59 s'],
    [999, '0 s'],
    [0, '0 s'],
    [25 * H + MIN + 1000, '25 h 1 min 1 s'],
  ])('%i ms → %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it.each([-1, NaN, Infinity])('throws for %s', (ms) => {
    expect(() => formatDuration(ms)).toThrow(RangeError);
  });
});
