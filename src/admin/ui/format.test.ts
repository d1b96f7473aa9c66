import { describe, expect, it } from 'vitest';
import { pairingUrl } from '../kiosks/pairing-address';
import {
  dayBounds,
  formatAge,
  formatClockError,
  formatDuration,
  formatQuantity,
  formatWallClock,
  formatWallDay,
  formatWallTime,
} from './format';

describe('admin formatting', () => {
  it.each([
    [null, 'en', '—'],
    [0, 'en', '0 sec'],
    [2400, 'en', '+2.4 sec'],
    [-300, 'en', '-0.3 sec'],
    [-300, 'de', '-0,3 Sek.'],
    [42_400, 'en', '+42 sec'],
  ])('clock error %s in %s → %s', (ms, language, expected) => {
    expect(formatClockError(ms, language)).toBe(expected);
  });

  it.each([
    [1, 'en', '1 second ago'],
    [5, 'en', '5 seconds ago'],
    [125, 'en', '2 minutes ago'],
    [7200, 'en', '2 hours ago'],
    [200_000, 'en', '2 days ago'],
    [60, 'de', 'vor 1 Minute'],
    [200_000, 'de', 'vor 2 Tagen'],
  ])('age %i s in %s → %s', (seconds, language, expected) => {
    expect(formatAge(seconds, language)).toBe(expected);
  });

  it.each([
    ['en-GB', '3 Feb', '22:00', '3 Feb 2026, 22:00', '8 hrs 30 mins', '1 day'],
    ['de', '3. Feb.', '22:00', '03.02.2026, 22:00', '8 Std. 30 Min.', '1 Tag'],
  ])('wall times, durations and quantities in %s', (language, day, clock, wall, duration, quantity) => {
    expect(formatWallDay('2026-02-03T22:00:00', language)).toBe(day);
    expect(formatWallClock('2026-02-03T22:00:00', language)).toBe(clock);
    expect(formatWallTime('2026-02-03T22:00:00', language)).toBe(wall);
    expect(formatDuration(8.5 * 3_600_000, language)).toBe(duration);
    expect(formatQuantity(1, language, 'day')).toBe(quantity);
  });

  it('bounds a local day by its first and last millisecond', () => {
    const bounds = dayBounds('2026-02-04');
    expect(bounds).not.toBeNull();
    const from = Date.parse(bounds?.from ?? '');
    const to = Date.parse(bounds?.to ?? '');
    expect(new Date(from).getDate()).toBe(4);
    expect(new Date(from).getHours()).toBe(0);
    expect(new Date(to + 1).getDate()).toBe(5);
    expect(dayBounds('4.2.2026')).toBeNull();
  });

  it('pairs through the kiosk app at the root of this server', () => {
    expect(pairingUrl('https://clock.example', 'AB 12')).toBe('https://clock.example/#pair=AB%2012');
  });
});
