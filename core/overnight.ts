/**
 * The overnight decision: should this punch go to Kenjo with `isOvernightShift: true`? The rule is Kenjo's pairing
 * model (`attendance-day.ts`); this module says it in words for the ledger and the logs, and picks which delivered
 * punches a decision needs.
 */
import { punchReason, type PunchReason } from './punch-reason';
import {
  canCloseOvernight,
  overnightClose,
  pairDays,
  type AttendancePunch,
  type OvernightClose,
} from './attendance-day';
import { addDays, wallDate } from './calendar';
import { formatDuration } from './duration';
import { formatWallClock, formatWallDay } from './wall-time';

export { OVERNIGHT_LATEST_TIME_OF_DAY } from './attendance-day';

/** A punch Kenjo already has, with the flag it was sent with. */
export interface DeliveredPunch extends AttendancePunch {
  isOvernightShift: boolean;
}

export interface OvernightDecision {
  isOvernightShift: boolean;
  reason: PunchReason;
}

/**
 * How far back in real time a read for the overnight decision reaches: to the start of day D-2, in any zone, for a
 * punch at 18:00 or earlier on day D (2 days and 18 hours of wall time, plus room for a clock change).
 */
export const OVERNIGHT_HISTORY_MS = 72 * 60 * 60 * 1000;

/**
 * The delivered punches a decision for a punch at `wallTime` reads, from a read that reaches back at least
 * `OVERNIGHT_HISTORY_MS`: punches dated D-2, D-1 and D. Only D-1's open entry can be closed, but whether a flagged
 * punch of D-1 closed D-2's entry or stayed an ordinary punch of D-1 depends on D-2's pool; so D-2 is read too, less
 * its own flagged punches at 18:00 or earlier, which are taken as the overnight closes the proxy sent them as (they
 * would be judged against D-3, and so on back). None past 18:00, where no history can make a punch close.
 */
export function overnightWitnesses<T extends DeliveredPunch>(delivered: readonly T[], wallTime: string): T[] {
  if (!canCloseOvernight(wallTime)) return [];
  const day = wallDate(wallTime);
  const previousDay = addDays(day, -1);
  const horizon = addDays(day, -2);
  return delivered.filter((p) => {
    const date = p.wallTime.slice(0, 10);
    if (date === day || date === previousDay) return true;
    return date === horizon && !(p.isOvernightShift && canCloseOvernight(p.wallTime));
  });
}

function describe(close: OvernightClose): OvernightDecision {
  const ordinary = (reason: PunchReason): OvernightDecision => ({ isOvernightShift: false, reason });
  switch (close.kind) {
    case 'after-latest-time':
      return ordinary(punchReason('overnight-after-latest-time', {}, 'after 18:00, so an ordinary punch'));
    case 'no-open-entry':
      return ordinary(
        punchReason(
          'overnight-no-open-entry',
          { day: close.day },
          `no open entry on ${formatWallDay(close.day)}`,
        ),
      );
    case 'starts-after': {
      const start = close.start.wallTime;
      return ordinary(
        punchReason(
          'overnight-starts-after',
          { start },
          `the open entry of ${formatWallDay(start)} starts at ${formatWallClock(start)}, after this punch`,
        ),
      );
    }
    case 'too-long': {
      const { elapsedMs, limitMs } = close;
      const start = close.start.wallTime;
      return ordinary(
        punchReason(
          'overnight-too-long',
          { start, elapsedMs, limitMs },
          `the open entry of ${formatWallDay(start)} started ${formatDuration(elapsedMs)} earlier, ` +
            `more than the ${formatDuration(limitMs)} limit`,
        ),
      );
    }
    case 'closes': {
      const start = close.start.wallTime;
      return {
        isOvernightShift: true,
        reason: punchReason(
          'overnight-closes',
          { start, elapsedMs: close.elapsedMs },
          `closes the ${formatWallClock(start)} entry of ${formatWallDay(start)} after ${formatDuration(close.elapsedMs)}`,
        ),
      };
    }
  }
}

/** `history`: the employee's punches already in Kenjo, in any order (replayed in order of `atMs`). */
export function decideOvernight(
  history: readonly DeliveredPunch[],
  punch: { wallTime: string; atMs: number },
  maxShiftHours: number,
): OvernightDecision {
  const { days } = pairDays(history, maxShiftHours);
  return describe(overnightClose(days, punch, maxShiftHours));
}
