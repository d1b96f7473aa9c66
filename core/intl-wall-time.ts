/**
 * The wall clock of a zone through `Intl` alone, with no date-fns: the proxy's fast path and the kiosk's only one
 * (date-fns' zone formatter would cost the kiosk a tenth of its download budget). One formatter per zone: building
 * one costs far more than formatting with it. `h23` keeps midnight `00` (en-US would print `24`); the calendar is
 * proleptic Gregorian, as date-fns's. Its `MM/DD/YYYY, hh:mm:ss` is rearranged by position, several times faster
 * than `formatToParts`.
 */
const wallFormatters = new Map<string, Intl.DateTimeFormat>();
const US_WALL = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}:\d{2}:\d{2})$/;
/** Instants whose year has four digits in every zone; outside, Intl's shape differs. */
const FAST_FROM_MS = Date.UTC(1000, 0, 2);
const FAST_TO_MS = Date.UTC(9999, 11, 30);

function wallFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Kenjo's `YYYY-MM-DDThh:mm:ss` for the instant in `timeZone`, or null outside the years 1000–9999 (the caller
 * decides what to do there). Throws a RangeError for a zone `Intl` does not know.
 */
export function intlWallTime(epochMs: number, timeZone: string): string | null {
  if (!(epochMs >= FAST_FROM_MS && epochMs <= FAST_TO_MS)) return null;
  const m = US_WALL.exec(wallFormatter(timeZone).format(epochMs));
  return m ? `${m[3]}-${m[1]}-${m[2]}T${m[4]}` : null;
}
