import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after';

const NOW_MS = Date.parse('2026-02-04T06:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    ['0', 0],
    [' 3 ', 3_000],
    ['Wed, 04 Feb 2026 06:00:30 GMT', 30_000],
    ['Wednesday, 04-Feb-26 06:01:00 GMT', 60_000],
    ['Wed, 04 Feb 2026 05:59:00 GMT', 0],
  ])('%j waits %i ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW_MS)).toBe(expected);
  });

  it.each([
    [null],
    [''],
    ['-5'],
    ['1.5'],
    ['soon'],
    ['2026-02-04T06:00:30Z'],
    ['Wed, 99 Feb 2026 06:00:30 GMT'],
  ])('%j is unreadable', (value) => {
    expect(parseRetryAfter(value, NOW_MS)).toBeNull();
  });
});
