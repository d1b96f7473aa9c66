import { intlWallTime } from '../../../core/intl-wall-time';

/**
 * The kiosk zone's wall clock, `YYYY-MM-DDThh:mm:ss` like core/wall-time's `toWallTime`, through core's `Intl`
 * path only: the kiosk does not import `toWallTime`, whose date-fns fallback would cost a tenth of its download.
 * A kiosk's clock never leaves the years 1000–9999, so there is no fallback here.
 */
export function kioskWallTime(epochMs: number, timeZone: string): string {
  const wallTime = intlWallTime(epochMs, timeZone);
  if (wallTime === null) throw new RangeError(`The kiosk's clock reads an impossible instant (${epochMs}).`);
  return wallTime;
}
