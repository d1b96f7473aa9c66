import { kioskWallTime } from './wall-clock';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * RFC 3339 for `epochMs` with the UTC offset `timeZone` has at that instant, e.g. `2026-02-04T06:00:00.120+01:00`.
 * The offset is the kiosk's wall clock (`kioskWallTime`) read as UTC minus the instant: the kiosk's one `Intl` path
 * to a zone's clock, which the answer to a punch needs anyway.
 */
export function formatInstant(epochMs: number, timeZone: string): string {
  const ms = ((epochMs % 1000) + 1000) % 1000;
  const wallTime = kioskWallTime(epochMs, timeZone);
  const offsetMin = Math.round((Date.parse(`${wallTime}Z`) - (epochMs - ms)) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${wallTime}.${pad(ms, 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
