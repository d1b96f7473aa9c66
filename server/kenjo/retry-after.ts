/**
 * Parses an HTTP `Retry-After` value (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Returns milliseconds to
 * wait from `nowMs`, never negative, or `null` when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Strict HTTP-dates only (IMF-fixdate and the two obsolete forms all contain "GMT"); a bare number with a
  // fraction or sign is malformed rather than a date.
  if (!/GMT$/i.test(trimmed)) return null;
  const atMs = Date.parse(trimmed);
  if (Number.isNaN(atMs)) return null;
  return Math.max(0, atMs - nowMs);
}
