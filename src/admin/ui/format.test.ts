import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n';
import { en } from '../i18n/en';
import { pairingUrl } from '../kiosks/pairing-address';
import { dayBounds, formatAge, formatClockError } from './format';

describe('admin formatting', () => {
  it.each([
    [null, '—'],
    [0, '+0.0 s'],
    [2400, '+2.4 s'],
    [-300, '−0.3 s'],
    [42_000, '+42 s'],
  ])('clock error %s → %s', (ms, expected) => {
    expect(formatClockError(ms)).toBe(expected);
  });

  it.each([
    [5, '5 s ago'],
    [125, '2 min ago'],
    [7200, '2 h ago'],
    [200_000, '2 d ago'],
  ])('age %i s → %s', (seconds, expected) => {
    expect(formatAge(seconds, (key, values) => translate(en, key, values))).toBe(expected);
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
