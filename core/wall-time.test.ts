import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatWallClock,
  formatWallDay,
  isTimeZone,
  isWallTime,
  parseInstant,
  toWallTime,
  wallDate,
  wallTimeOfDay,
} from './wall-time';

const utc = (iso: string): number => Date.parse(iso);

describe('parseInstant', () => {
  it.each([
    ['2026-02-04T06:00:00+01:00', '2026-02-04T05:00:00.000Z'],
    ['2026-02-04T06:00:00Z', '2026-02-04T06:00:00.000Z'],
    ['2026-02-04T06:00:00-05:30', '2026-02-04T11:30:00.000Z'],
    ['2026-02-04T06:00:00-00:00', '2026-02-04T06:00:00.000Z'],
    ['2026-02-04T06:00:00+14:00', '2026-02-03T16:00:00.000Z'],
    ['2026-02-04T06:00:05.1+01:00', '2026-02-04T05:00:05.100Z'],
    ['2026-02-04T06:00:05.12Z', '2026-02-04T06:00:05.120Z'],
    ['2026-02-04T06:00:05.120Z', '2026-02-04T06:00:05.120Z'],
    ['2026-02-04T06:00:05.123999999Z', '2026-02-04T06:00:05.123Z'],
    ['2026-02-04T23:59:59.9999Z', '2026-02-04T23:59:59.999Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
    ['2026-12-31T23:30:00-01:00', '2027-01-01T00:30:00.000Z'],
  ])('reads %s as %s', (at, expected) => {
    expect(parseInstant(at)).toBe(utc(expected));
  });

  it('keeps two-digit years literal', () => {
    expect(parseInstant('0099-01-01T00:00:00Z')).toBe(new Date('0099-01-01T00:00:00Z').getTime());
  });

  it.each([
    ['2026-02-30T08:00:00Z', 'not a calendar date'],
    ['2026-02-29T08:00:00Z', 'not a leap year'],
    ['1900-02-29T08:00:00Z', 'century, not a leap year'],
    ['2026-04-31T08:00:00Z', '30-day month'],
    ['2026-13-01T08:00:00Z', 'month 13'],
    ['2026-00-10T08:00:00Z', 'month 0'],
    ['2026-01-00T08:00:00Z', 'day 0'],
    ['2026-02-04T24:00:00Z', 'hour 24'],
    ['2026-02-04T08:60:00Z', 'minute 60'],
    ['2026-02-04T08:00:60Z', 'leap second'],
    ['2026-02-04T08:00:00', 'no offset'],
    ['2026-02-04t08:00:00Z', 'lower-case t'],
    ['2026-02-04T08:00:00z', 'lower-case z'],
    ['2026-02-04 08:00:00Z', 'space separator'],
    ['2026-02-04T08:00Z', 'no seconds'],
    ['2026-02-04T08:00:00.Z', 'empty fraction'],
    ['2026-02-04T08:00:00,5Z', 'comma fraction'],
    ['2026-02-04T08:00:00+0100', 'offset without colon'],
    ['2026-02-04T08:00:00+01', 'offset without minutes'],
    ['2026-02-04T08:00:00+24:00', 'offset hour 24'],
    ['2026-02-04T08:00:00+01:60', 'offset minute 60'],
    ['2026-2-04T08:00:00Z', 'one-digit month'],
    ['+02026-02-04T08:00:00Z', 'expanded year'],
    [' 2026-02-04T08:00:00Z', 'leading space'],
    ['2026-02-04T08:00:00Z ', 'trailing space'],
    ['2026-02-04T08:00:00Z\n', 'trailing newline'],
    ['2026-02-04', 'date only'],
    ['', 'empty'],
    ['1770184800000', 'epoch number as text'],
    ['２０２６-02-04T08:00:00Z', 'full-width digits'],
  ])('refuses %j (%s)', (at) => {
    expect(parseInstant(at)).toBeNull();
  });
});

describe('toWallTime', () => {
  it.each([
    // Berlin, spring forward on 29 Mar 2026: 02:00 CET becomes 03:00 CEST.
    ['2026-03-29T00:59:59.999Z', 'Europe/Berlin', '2026-03-29T01:59:59'],
    ['2026-03-29T01:00:00Z', 'Europe/Berlin', '2026-03-29T03:00:00'],
    ['2026-03-28T21:00:00Z', 'Europe/Berlin', '2026-03-28T22:00:00'],
    ['2026-03-29T04:00:00Z', 'Europe/Berlin', '2026-03-29T06:00:00'],
    // Berlin, fall back on 25 Oct 2026: 02:00–03:00 happens twice.
    ['2026-10-25T00:00:00Z', 'Europe/Berlin', '2026-10-25T02:00:00'],
    ['2026-10-25T00:30:00Z', 'Europe/Berlin', '2026-10-25T02:30:00'],
    ['2026-10-25T01:30:00Z', 'Europe/Berlin', '2026-10-25T02:30:00'],
    ['2026-10-25T01:59:59.999Z', 'Europe/Berlin', '2026-10-25T02:59:59'],
    ['2026-10-25T02:00:00Z', 'Europe/Berlin', '2026-10-25T03:00:00'],
    // New York, spring forward on 8 Mar 2026 and fall back on 1 Nov 2026.
    ['2026-03-08T06:59:59Z', 'America/New_York', '2026-03-08T01:59:59'],
    ['2026-03-08T07:00:00Z', 'America/New_York', '2026-03-08T03:00:00'],
    ['2026-11-01T05:30:00Z', 'America/New_York', '2026-11-01T01:30:00'],
    ['2026-11-01T06:30:00Z', 'America/New_York', '2026-11-01T01:30:00'],
    ['2026-11-01T07:00:00Z', 'America/New_York', '2026-11-01T02:00:00'],
    // Seconds are truncated, never rounded; the date changes at local midnight, not UTC midnight.
    ['2026-02-04T05:00:59.999Z', 'Europe/Berlin', '2026-02-04T06:00:59'],
    ['2026-02-03T23:30:00Z', 'Europe/Berlin', '2026-02-04T00:30:00'],
    ['2026-02-04T03:00:00Z', 'America/New_York', '2026-02-03T22:00:00'],
    ['2026-02-04T12:00:00Z', 'Asia/Kolkata', '2026-02-04T17:30:00'],
    ['2026-02-04T12:00:00Z', 'UTC', '2026-02-04T12:00:00'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(toWallTime(utc(instant), zone)).toBe(expected);
  });

  it('round-trips with parseInstant for an instant written with its local offset', () => {
    const at = '2026-10-25T02:30:00+01:00';
    expect(toWallTime(parseInstant(at) ?? NaN, 'Europe/Berlin')).toBe('2026-10-25T02:30:00');
  });

  it.each([
    [NaN, 'Europe/Berlin'],
    [Infinity, 'Europe/Berlin'],
    [0, 'Mars/Olympus'],
    [0, '+01:00'],
  ])('throws for %s in %j', (epochMs, zone) => {
    expect(() => toWallTime(epochMs, zone)).toThrow(RangeError);
  });
});

describe('isTimeZone', () => {
  it.each([
    ['Europe/Berlin', true],
    ['America/New_York', true],
    ['UTC', true],
    ['Asia/Kolkata', true],
    ['Mars/Olympus', false],
    ['+01:00', false],
    ['-05:00', false],
    ['', false],
    ['  ', false],
  ])('%j → %s', (zone, expected) => {
    expect(isTimeZone(zone)).toBe(expected);
  });
});

describe('wall-time helpers', () => {
  it.each([
    ['2026-02-04T06:00:00', true],
    ['2026-02-29T06:00:00', false],
    ['2026-02-04T24:00:00', false],
    ['2026-02-04T06:00', false],
    ['2026-02-04T06:00:00Z', false],
    ['2026-02-04T06:00:00.000', false],
  ])('isWallTime(%j) → %s', (value, expected) => {
    expect(isWallTime(value)).toBe(expected);
  });

  it('splits a wall time into date, time of day and clock reading', () => {
    expect(wallDate('2026-02-04T06:01:59')).toBe('2026-02-04');
    expect(wallTimeOfDay('2026-02-04T06:01:59')).toBe('06:01:59');
    expect(formatWallClock('2026-02-04T06:01:59')).toBe('06:01');
  });

  it.each(['2026-02-04', '2026-02-04T06:00:00Z', 'garbage'])('wallDate throws for %j', (value) => {
    expect(() => wallDate(value)).toThrow(RangeError);
  });

  it.each([
    ['2026-02-04', 1, '2026-02-05'],
    ['2026-02-04', -1, '2026-02-03'],
    ['2026-02-04', 0, '2026-02-04'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-02-04', 365, '2027-02-04'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-03-29', 1, '2026-03-30'],
  ])('addDays(%s, %i) → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-02-30', 1],
    ['2026-02-04T00:00:00', 1],
    ['2026-02-04', 0.5],
    ['2026-2-4', 1],
    ['yesterday', 1],
  ])('addDays(%j, %s) throws', (date, days) => {
    expect(() => addDays(date, days)).toThrow(RangeError);
  });

  it.each([
    ['2026-02-03', '3 Feb'],
    ['2026-10-25T02:30:00', '25 Oct'],
    ['2026-12-31', '31 Dec'],
    ['2026-01-01', '1 Jan'],
    ['2024-02-29', '29 Feb'],
    ['2026-03-10', '10 Mar'],
    ['2026-04-30', '30 Apr'],
    ['2026-05-05T23:59:59', '5 May'],
    ['2026-06-21', '21 Jun'],
    ['2026-07-04', '4 Jul'],
    ['2026-08-15', '15 Aug'],
    ['2026-09-09', '9 Sep'],
    ['2026-11-11', '11 Nov'],
  ])('formatWallDay(%j) → %s', (value, expected) => {
    expect(formatWallDay(value)).toBe(expected);
  });

  it.each(['2026-02-30', '2026-13-01', 'yesterday'])('formatWallDay(%j) throws', (value) => {
    expect(() => formatWallDay(value)).toThrow(RangeError);
  });
});
