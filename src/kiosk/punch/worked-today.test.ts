import { describe, expect, it } from 'vitest';
import { workedTodayMs } from './worked-today';

const at = (wall: string) => Date.parse(`${wall}+01:00`);
const HOUR = 3_600_000;
const ZONE = 'Europe/Berlin';

describe('workedTodayMs', () => {
  it.each([
    ['a first clock-in knows no worked time yet', [], '2026-02-04T08:00:00', null],
    ['a clock-out closes the morning', ['2026-02-04T08:00:00'], '2026-02-04T12:30:00', 4.5 * HOUR],
    [
      'a second clock-in carries the morning forward',
      ['2026-02-04T08:00:00', '2026-02-04T12:00:00'],
      '2026-02-04T13:00:00',
      4 * HOUR,
    ],
    [
      'two pairs add up',
      ['2026-02-04T08:00:00', '2026-02-04T12:00:00', '2026-02-04T13:00:00'],
      '2026-02-04T17:15:00',
      8.25 * HOUR,
    ],
    [
      "yesterday's day shift does not count today",
      ['2026-02-03T08:00:00', '2026-02-03T16:00:00'],
      '2026-02-04T08:00:00',
      null,
    ],
    [
      "a morning clock-out closes last night's shift, counted whole",
      ['2026-02-03T22:00:00'],
      '2026-02-04T06:00:00',
      8 * HOUR,
    ],
  ] as const)('%s', (_name, previous, now, expected) => {
    expect(workedTodayMs(previous.map(at), at(now), ZONE, 16)).toBe(expected);
  });
});
