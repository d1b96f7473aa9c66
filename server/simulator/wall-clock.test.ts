import { describe, expect, it } from 'vitest';
import { daysBetween, isCalendarDate, isWallDateTime, normalizeTimeOfDay, shiftDate } from './wall-clock';

describe('wall-clock strings', () => {
  it.each([
    ['2026-02-03T08:00:00', true],
    ['2024-02-29T23:59:59', true],
    ['2026-02-03T00:00:00', true],
    ['2026-02-29T08:00:00', false],
    ['2026-02-30T08:00:00', false],
    ['2026-13-01T08:00:00', false],
    ['2026-02-03T25:00:00', false],
    ['2026-02-03T24:00:00', false],
    ['2026-02-03T08:00:60', false],
    ['2026-02-03 08:00:00', false],
    ['2026-02-03T08:00', false],
    ['2026-02-03T08:00:00+01:00', false],
  ])('isWallDateTime(%s) → %s', (value, expected) => {
    expect(isWallDateTime(value)).toBe(expected);
  });

  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2026-2-28', false],
  ])('isCalendarDate(%s) → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it.each([
    ['08:00', '08:00:00'],
    ['18:00:00', '18:00:00'],
    ['24:00', null],
    ['8:00', null],
  ])('normalizeTimeOfDay(%s) → %s', (value, expected) => {
    expect(normalizeTimeOfDay(value)).toBe(expected);
  });

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('shiftDate(%s, %i) → %s', (date, days, expected) => {
    expect(shiftDate(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });
});
