import { describe, expect, it } from 'vitest';
import { decideOvernight, type DeliveredPunch } from './overnight';
import { parseInstant, toWallTime } from './wall-time';

/** Berlin keeps +01:00 all February, so a February wall time names its instant. */
function instantOfFebruaryWall(wallTime: string): number {
  const atMs = parseInstant(`${wallTime}+01:00`);
  if (atMs === null) throw new Error(`bad wall time ${wallTime}`);
  return atMs;
}

const punch = (wallTime: string): { wallTime: string; atMs: number } => ({
  wallTime,
  atMs: instantOfFebruaryWall(wallTime),
});

const sent = (wallTime: string, overrides: Partial<DeliveredPunch> = {}): DeliveredPunch => ({
  ...punch(wallTime),
  isOvernightShift: false,
  ...overrides,
});

const closing = (wallTime: string): DeliveredPunch => sent(wallTime, { isOvernightShift: true });

/** A punch given as an instant with offset, seen on the wall clock of `zone`. */
function zoned(at: string, zone: string, overrides: Partial<DeliveredPunch> = {}): DeliveredPunch {
  const atMs = parseInstant(at);
  if (atMs === null) throw new Error(`bad instant ${at}`);
  return { wallTime: toWallTime(atMs, zone), atMs, isOvernightShift: false, ...overrides };
}

describe('decideOvernight', () => {
  it.each<[string, DeliveredPunch[], string, number, boolean, string]>([
    [
      'a night shift 22:00 → 06:00',
      [sent('2026-02-03T22:00:00')],
      '2026-02-04T06:00:00',
      16,
      true,
      'closes the 22:00 entry of 3 Feb after 8 h',
    ],
    [
      'a shift ending at midnight',
      [sent('2026-02-03T22:00:00')],
      '2026-02-04T00:00:00',
      16,
      true,
      'closes the 22:00 entry of 3 Feb after 2 h',
    ],
    [
      'a shift with minutes',
      [sent('2026-02-03T22:30:00')],
      '2026-02-04T06:00:00',
      16,
      true,
      'closes the 22:30 entry of 3 Feb after 7 h 30 min',
    ],
    [
      'a close at 17:59:59',
      [sent('2026-02-03T22:00:00')],
      '2026-02-04T17:59:59',
      24,
      true,
      'closes the 22:00 entry of 3 Feb after 19 h 59 min 59 s',
    ],
    [
      'a close at 18:00:00 (inclusive)',
      [sent('2026-02-03T22:00:00')],
      '2026-02-04T18:00:00',
      24,
      true,
      'closes the 22:00 entry of 3 Feb after 20 h',
    ],
    [
      'a punch at 18:00:01',
      [sent('2026-02-03T22:00:00')],
      '2026-02-04T18:00:01',
      24,
      false,
      'after 18:00, so an ordinary punch',
    ],
    [
      'a forgotten clock-out of yesterday morning',
      [sent('2026-02-03T08:00:00')],
      '2026-02-04T07:00:00',
      16,
      false,
      'the open entry of 3 Feb started 23 h earlier, more than the 16 h limit',
    ],
    [
      'a shift exactly as long as the limit',
      [sent('2026-02-03T14:00:00')],
      '2026-02-04T06:00:00',
      16,
      true,
      'closes the 14:00 entry of 3 Feb after 16 h',
    ],
    [
      'a shift one second over the limit',
      [sent('2026-02-03T14:00:00')],
      '2026-02-04T06:00:01',
      16,
      false,
      'the open entry of 3 Feb started 16 h 1 s earlier, more than the 16 h limit',
    ],
    [
      'a limit with minutes',
      [sent('2026-02-03T22:00:00')],
      '2026-02-04T06:00:00',
      7.5,
      false,
      'the open entry of 3 Feb started 8 h earlier, more than the 7 h 30 min limit',
    ],
    ['no history at all', [], '2026-02-04T06:00:00', 16, false, 'no open entry on 3 Feb'],
    [
      'an even count on the previous day',
      [sent('2026-02-03T08:00:00'), sent('2026-02-03T17:00:00')],
      '2026-02-04T06:00:00',
      16,
      false,
      'no open entry on 3 Feb',
    ],
    [
      'an open entry two days back only',
      [sent('2026-02-02T22:00:00')],
      '2026-02-04T06:00:00',
      16,
      false,
      'no open entry on 3 Feb',
    ],
    [
      'an open entry on the same day',
      [sent('2026-02-04T01:00:00')],
      '2026-02-04T06:00:00',
      16,
      false,
      'no open entry on 3 Feb',
    ],
    [
      "the previous day's entry already closed overnight (second punch of the morning)",
      [sent('2026-02-03T22:00:00'), closing('2026-02-04T06:00:00')],
      '2026-02-04T07:00:00',
      16,
      false,
      'no open entry on 3 Feb',
    ],
    [
      'the same, history in reverse order',
      [closing('2026-02-04T06:00:00'), sent('2026-02-03T22:00:00')],
      '2026-02-04T07:00:00',
      16,
      false,
      'no open entry on 3 Feb',
    ],
    [
      'an earlier overnight close that left the day paired',
      [
        sent('2026-02-03T08:00:00'),
        sent('2026-02-03T09:00:00'),
        sent('2026-02-03T22:00:00'),
        closing('2026-02-04T06:00:00'),
      ],
      '2026-02-04T10:00:00',
      16,
      false,
      'no open entry on 3 Feb',
    ],
    [
      "a close on D-1 of D-2's entry does not count in D-1's pool",
      [sent('2026-02-02T22:00:00'), closing('2026-02-03T14:00:00')],
      '2026-02-04T05:00:00',
      16,
      false,
      'no open entry on 3 Feb',
    ],
    [
      "a close on D-1 of D-2's entry, then D-1's own open entry",
      [sent('2026-02-02T22:00:00'), closing('2026-02-03T06:00:00'), sent('2026-02-03T14:00:00')],
      '2026-02-04T05:00:00',
      16,
      true,
      'closes the 14:00 entry of 3 Feb after 15 h',
    ],
    [
      "the open entry is the previous day's latest time",
      [sent('2026-02-03T12:00:00'), sent('2026-02-03T21:00:00'), sent('2026-02-03T08:00:00')],
      '2026-02-04T05:30:00',
      16,
      true,
      'closes the 21:00 entry of 3 Feb after 8 h 30 min',
    ],
    [
      'a flagged punch after 18:00 in the history was an ordinary punch',
      [sent('2026-02-02T20:00:00'), closing('2026-02-03T19:00:00')],
      '2026-02-04T06:00:00',
      16,
      true,
      'closes the 19:00 entry of 3 Feb after 11 h',
    ],
    [
      'a flagged punch that found nothing to close was an ordinary punch',
      [closing('2026-02-03T06:00:00')],
      '2026-02-04T06:00:00',
      16,
      false,
      'the open entry of 3 Feb started 24 h earlier, more than the 16 h limit',
    ],
    [
      'across a month end',
      [sent('2026-02-28T22:00:00')],
      '2026-03-01T06:00:00',
      16,
      true,
      'closes the 22:00 entry of 28 Feb after 8 h',
    ],
  ])('%s', (_name, history, wallTime, maxShiftHours, isOvernightShift, reason) => {
    expect(decideOvernight(history, punch(wallTime), maxShiftHours)).toEqual({ isOvernightShift, reason });
  });

  it('is not overnight one millisecond over the limit', () => {
    const history = [sent('2026-02-03T14:00:00')];
    const late = punch('2026-02-04T06:00:00');
    expect(decideOvernight(history, { ...late, atMs: late.atMs + 1 }, 16).isOvernightShift).toBe(false);
  });

  it('refuses an open entry that starts after the punch', () => {
    const now = punch('2026-02-04T06:00:00');
    const history = [sent('2026-02-03T23:00:00', { atMs: now.atMs + 1000 })];
    expect(decideOvernight(history, now, 16)).toEqual({
      isOvernightShift: false,
      reason: 'the open entry of 3 Feb starts at 23:00, after this punch',
    });
  });

  it.each([-1, NaN, Infinity])('throws for a limit of %s hours', (maxShiftHours) => {
    expect(() => decideOvernight([], punch('2026-02-04T06:00:00'), maxShiftHours)).toThrow(RangeError);
  });
});

describe('decideOvernight across DST (real time, not wall time)', () => {
  it.each<[string, string, string, string, number, boolean, string]>([
    [
      'Berlin spring-forward night is 7 h',
      'Europe/Berlin',
      '2026-03-28T22:00:00+01:00',
      '2026-03-29T06:00:00+02:00',
      8,
      true,
      'closes the 22:00 entry of 28 Mar after 7 h',
    ],
    [
      'Berlin fall-back night is 9 h, over an 8 h limit',
      'Europe/Berlin',
      '2026-10-24T22:00:00+02:00',
      '2026-10-25T06:00:00+01:00',
      8,
      false,
      'the open entry of 24 Oct started 9 h earlier, more than the 8 h limit',
    ],
    [
      'Berlin fall-back night is 9 h, within a 9 h limit',
      'Europe/Berlin',
      '2026-10-24T22:00:00+02:00',
      '2026-10-25T06:00:00+01:00',
      9,
      true,
      'closes the 22:00 entry of 24 Oct after 9 h',
    ],
    [
      'Berlin: the second 02:30 of the repeated hour',
      'Europe/Berlin',
      '2026-10-24T20:00:00+02:00',
      '2026-10-25T02:30:00+01:00',
      16,
      true,
      'closes the 20:00 entry of 24 Oct after 7 h 30 min',
    ],
    [
      'New York spring-forward night is 7 h',
      'America/New_York',
      '2026-03-07T22:00:00-05:00',
      '2026-03-08T06:00:00-04:00',
      7,
      true,
      'closes the 22:00 entry of 7 Mar after 7 h',
    ],
    [
      'New York fall-back night is 9 h',
      'America/New_York',
      '2026-10-31T22:00:00-04:00',
      '2026-11-01T06:00:00-05:00',
      8,
      false,
      'the open entry of 31 Oct started 9 h earlier, more than the 8 h limit',
    ],
  ])('%s', (_name, zone, startAt, endAt, maxShiftHours, isOvernightShift, reason) => {
    const { wallTime, atMs } = zoned(endAt, zone);
    expect(decideOvernight([zoned(startAt, zone)], { wallTime, atMs }, maxShiftHours)).toEqual({
      isOvernightShift,
      reason,
    });
  });
});

describe('decideOvernight over a sequence of deliveries', () => {
  it('closes the night once, then treats the next punch of the morning as ordinary', () => {
    const history: DeliveredPunch[] = [];
    const decisions = ['2026-02-03T22:00:00', '2026-02-04T06:00:00', '2026-02-04T07:00:00'].map(
      (wallTime) => {
        const next = punch(wallTime);
        const decision = decideOvernight(history, next, 16);
        history.push({ ...next, isOvernightShift: decision.isOvernightShift });
        return decision.isOvernightShift;
      },
    );
    expect(decisions).toEqual([false, true, false]);
  });
});
