import { describe, expect, it } from 'vitest';
import { formatInstant } from './instant';

describe('formatInstant', () => {
  it.each([
    ['2026-02-04T05:00:00.120Z', 'Europe/Berlin', '2026-02-04T06:00:00.120+01:00'],
    ['2026-07-04T05:00:00.000Z', 'Europe/Berlin', '2026-07-04T07:00:00.000+02:00'],
    ['2026-03-29T00:59:59.999Z', 'Europe/Berlin', '2026-03-29T01:59:59.999+01:00'],
    ['2026-03-29T01:00:00.000Z', 'Europe/Berlin', '2026-03-29T03:00:00.000+02:00'],
    ['2026-02-04T05:00:00.005Z', 'America/New_York', '2026-02-04T00:00:00.005-05:00'],
    ['2026-02-04T23:45:30.999Z', 'Asia/Kolkata', '2026-02-05T05:15:30.999+05:30'],
    ['2026-02-04T05:00:00.000Z', 'UTC', '2026-02-04T05:00:00.000+00:00'],
    ['2026-02-04T05:00:00.000Z', 'Pacific/Chatham', '2026-02-04T18:45:00.000+13:45'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(formatInstant(Date.parse(instant), zone)).toBe(expected);
    expect(Date.parse(expected)).toBe(Date.parse(instant));
  });
});
