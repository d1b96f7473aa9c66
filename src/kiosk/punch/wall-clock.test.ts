import { describe, expect, it } from 'vitest';
import { toWallTime } from '../../../core/wall-time';
import { kioskWallTime } from './wall-clock';

describe('kioskWallTime', () => {
  it.each([
    ['2026-02-04T05:00:00Z', 'Europe/Berlin'],
    ['2026-03-29T00:59:59Z', 'Europe/Berlin'],
    ['2026-03-29T01:00:00Z', 'Europe/Berlin'],
    ['2026-10-25T00:30:00Z', 'Europe/Madrid'],
    ['2026-10-25T01:30:00Z', 'Europe/Madrid'],
    ['2026-12-31T23:59:59.999Z', 'America/New_York'],
    ['2026-06-01T00:00:00Z', 'Asia/Kolkata'],
  ])('reads %s in %s as core/wall-time does', (instant, zone) => {
    const ms = Date.parse(instant);
    expect(kioskWallTime(ms, zone)).toBe(toWallTime(ms, zone));
  });
});
