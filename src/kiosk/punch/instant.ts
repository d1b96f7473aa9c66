import { tzOffset } from '@date-fns/tz';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** RFC 3339 for `epochMs` with the UTC offset `timeZone` has at that instant, e.g. `2026-02-04T06:00:00.120+01:00`. */
export function formatInstant(epochMs: number, timeZone: string): string {
  const zoneOffset = tzOffset(timeZone, new Date(epochMs));
  const offsetMin = Number.isFinite(zoneOffset) ? zoneOffset : -new Date(epochMs).getTimezoneOffset();
  const shifted = new Date(epochMs + offsetMin * 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return (
    `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}` +
    `.${pad(shifted.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
