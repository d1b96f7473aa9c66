/**
 * One table of Kenjo's pairing cases, for every place that applies the model: core's overnight decision and its
 * presence, the replay's decision from the ledger, the console's "who is in" and the kiosk's in/out guess. Each
 * case is an employee's punches already in Kenjo (with the flag each was sent with), a next punch and what it is:
 * whether it closes an overnight entry (and why, in the ledger's words), and whether the person is in just before
 * it (the next punch closes an entry).
 */
import type { DeliveredPunch } from '../overnight';
import { parseInstant, toWallTime } from '../wall-time';

export interface PairingCase {
  name: string;
  timeZone: string;
  history: DeliveredPunch[];
  punch: { wallTime: string; atMs: number };
  maxShiftHours: number;
  isOvernightShift: boolean;
  reason: string;
  in: boolean;
}

/** A punch given as an instant with offset, seen on the wall clock of `zone`. */
export function zoned(at: string, zone: string, overrides: Partial<DeliveredPunch> = {}): DeliveredPunch {
  const atMs = parseInstant(at);
  if (atMs === null) throw new Error(`bad instant ${at}`);
  return { wallTime: toWallTime(atMs, zone), atMs, isOvernightShift: false, ...overrides };
}

/** Berlin keeps +01:00 all February, so a February wall time names its instant. */
export function punch(wallTime: string): { wallTime: string; atMs: number } {
  const { atMs } = zoned(`${wallTime}+01:00`, 'Europe/Berlin');
  return { wallTime, atMs };
}

export const sent = (wallTime: string, overrides: Partial<DeliveredPunch> = {}): DeliveredPunch => ({
  ...punch(wallTime),
  isOvernightShift: false,
  ...overrides,
});

const closing = (wallTime: string): DeliveredPunch => sent(wallTime, { isOvernightShift: true });

type FebruaryRow = [string, DeliveredPunch[], string, number, boolean, string, boolean];
type ZonedRow = [string, string, string, string, number, boolean, string, boolean];

const FEBRUARY: FebruaryRow[] = [
  [
    'a night shift 22:00 → 06:00',
    [sent('2026-02-03T22:00:00')],
    '2026-02-04T06:00:00',
    16,
    true,
    'closes the 22:00 entry of 3 Feb after 8 h',
    true,
  ],
  [
    'a shift ending at midnight',
    [sent('2026-02-03T22:00:00')],
    '2026-02-04T00:00:00',
    16,
    true,
    'closes the 22:00 entry of 3 Feb after 2 h',
    true,
  ],
  [
    'a shift with minutes',
    [sent('2026-02-03T22:30:00')],
    '2026-02-04T06:00:00',
    16,
    true,
    'closes the 22:30 entry of 3 Feb after 7 h 30 min',
    true,
  ],
  [
    'a close at 17:59:59',
    [sent('2026-02-03T22:00:00')],
    '2026-02-04T17:59:59',
    24,
    true,
    'closes the 22:00 entry of 3 Feb after 19 h 59 min 59 s',
    true,
  ],
  [
    'a close at 18:00:00 (inclusive)',
    [sent('2026-02-03T22:00:00')],
    '2026-02-04T18:00:00',
    24,
    true,
    'closes the 22:00 entry of 3 Feb after 20 h',
    true,
  ],
  [
    'a punch at 18:00:01',
    [sent('2026-02-03T22:00:00')],
    '2026-02-04T18:00:01',
    24,
    false,
    'after 18:00, so an ordinary punch',
    false,
  ],
  [
    'a forgotten clock-out of yesterday morning',
    [sent('2026-02-03T08:00:00')],
    '2026-02-04T07:00:00',
    16,
    false,
    'the open entry of 3 Feb started 23 h earlier, more than the 16 h limit',
    false,
  ],
  [
    'a shift exactly as long as the limit',
    [sent('2026-02-03T14:00:00')],
    '2026-02-04T06:00:00',
    16,
    true,
    'closes the 14:00 entry of 3 Feb after 16 h',
    true,
  ],
  [
    'a shift one second over the limit',
    [sent('2026-02-03T14:00:00')],
    '2026-02-04T06:00:01',
    16,
    false,
    'the open entry of 3 Feb started 16 h 1 s earlier, more than the 16 h limit',
    false,
  ],
  [
    'a limit with minutes',
    [sent('2026-02-03T22:00:00')],
    '2026-02-04T06:00:00',
    7.5,
    false,
    'the open entry of 3 Feb started 8 h earlier, more than the 7 h 30 min limit',
    false,
  ],
  ['no history at all', [], '2026-02-04T06:00:00', 16, false, 'no open entry on 3 Feb', false],
  [
    'an even count on the previous day',
    [sent('2026-02-03T08:00:00'), sent('2026-02-03T17:00:00')],
    '2026-02-04T06:00:00',
    16,
    false,
    'no open entry on 3 Feb',
    false,
  ],
  [
    'an open entry two days back only',
    [sent('2026-02-02T22:00:00')],
    '2026-02-04T06:00:00',
    16,
    false,
    'no open entry on 3 Feb',
    false,
  ],
  [
    'an open entry on the same day',
    [sent('2026-02-04T01:00:00')],
    '2026-02-04T06:00:00',
    16,
    false,
    'no open entry on 3 Feb',
    true,
  ],
  [
    "the previous day's entry already closed overnight (second punch of the morning)",
    [sent('2026-02-03T22:00:00'), closing('2026-02-04T06:00:00')],
    '2026-02-04T07:00:00',
    16,
    false,
    'no open entry on 3 Feb',
    false,
  ],
  [
    'the same, history in reverse order',
    [closing('2026-02-04T06:00:00'), sent('2026-02-03T22:00:00')],
    '2026-02-04T07:00:00',
    16,
    false,
    'no open entry on 3 Feb',
    false,
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
    false,
  ],
  [
    "a close on D-1 of D-2's entry does not count in D-1's pool",
    [sent('2026-02-02T22:00:00'), closing('2026-02-03T14:00:00')],
    '2026-02-04T05:00:00',
    16,
    false,
    'no open entry on 3 Feb',
    false,
  ],
  [
    "a close on D-1 of D-2's entry, then D-1's own open entry",
    [sent('2026-02-02T22:00:00'), closing('2026-02-03T06:00:00'), sent('2026-02-03T14:00:00')],
    '2026-02-04T05:00:00',
    16,
    true,
    'closes the 14:00 entry of 3 Feb after 15 h',
    true,
  ],
  [
    "the open entry is the previous day's latest time",
    [sent('2026-02-03T12:00:00'), sent('2026-02-03T21:00:00'), sent('2026-02-03T08:00:00')],
    '2026-02-04T05:30:00',
    16,
    true,
    'closes the 21:00 entry of 3 Feb after 8 h 30 min',
    true,
  ],
  [
    'a flagged punch after 18:00 in the history was an ordinary punch',
    [sent('2026-02-02T20:00:00'), closing('2026-02-03T19:00:00')],
    '2026-02-04T06:00:00',
    16,
    true,
    'closes the 19:00 entry of 3 Feb after 11 h',
    true,
  ],
  [
    'a flagged punch that found nothing to close was an ordinary punch',
    [closing('2026-02-03T06:00:00')],
    '2026-02-04T06:00:00',
    16,
    false,
    'the open entry of 3 Feb started 24 h earlier, more than the 16 h limit',
    false,
  ],
  [
    'across a month end',
    [sent('2026-02-28T22:00:00')],
    '2026-03-01T06:00:00',
    16,
    true,
    'closes the 22:00 entry of 28 Feb after 8 h',
    true,
  ],
];

/** Across changes of offset: real time, not wall time. */
const ACROSS_DST: ZonedRow[] = [
  [
    'Berlin spring-forward night is 7 h',
    'Europe/Berlin',
    '2026-03-28T22:00:00+01:00',
    '2026-03-29T06:00:00+02:00',
    8,
    true,
    'closes the 22:00 entry of 28 Mar after 7 h',
    true,
  ],
  [
    'Berlin fall-back night is 9 h, over an 8 h limit',
    'Europe/Berlin',
    '2026-10-24T22:00:00+02:00',
    '2026-10-25T06:00:00+01:00',
    8,
    false,
    'the open entry of 24 Oct started 9 h earlier, more than the 8 h limit',
    false,
  ],
  [
    'Berlin fall-back night is 9 h, within a 9 h limit',
    'Europe/Berlin',
    '2026-10-24T22:00:00+02:00',
    '2026-10-25T06:00:00+01:00',
    9,
    true,
    'closes the 22:00 entry of 24 Oct after 9 h',
    true,
  ],
  [
    'Berlin: the second 02:30 of the repeated hour',
    'Europe/Berlin',
    '2026-10-24T20:00:00+02:00',
    '2026-10-25T02:30:00+01:00',
    16,
    true,
    'closes the 20:00 entry of 24 Oct after 7 h 30 min',
    true,
  ],
  [
    'New York spring-forward night is 7 h',
    'America/New_York',
    '2026-03-07T22:00:00-05:00',
    '2026-03-08T06:00:00-04:00',
    7,
    true,
    'closes the 22:00 entry of 7 Mar after 7 h',
    true,
  ],
  [
    'New York fall-back night is 9 h',
    'America/New_York',
    '2026-10-31T22:00:00-04:00',
    '2026-11-01T06:00:00-05:00',
    8,
    false,
    'the open entry of 31 Oct started 9 h earlier, more than the 8 h limit',
    false,
  ],
];

export const PAIRING_CASES: readonly PairingCase[] = [
  ...FEBRUARY.map(([name, history, wallTime, maxShiftHours, isOvernightShift, reason, isIn]) => ({
    name,
    timeZone: 'Europe/Berlin',
    history,
    punch: punch(wallTime),
    maxShiftHours,
    isOvernightShift,
    reason,
    in: isIn,
  })),
  ...ACROSS_DST.map(([name, timeZone, startAt, endAt, maxShiftHours, isOvernightShift, reason, isIn]) => {
    const { wallTime, atMs } = zoned(endAt, timeZone);
    return {
      name,
      timeZone,
      history: [zoned(startAt, timeZone)],
      punch: { wallTime, atMs },
      maxShiftHours,
      isOvernightShift,
      reason,
      in: isIn,
    };
  }),
];
