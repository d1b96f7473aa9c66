/**
 * Durations for people: "8 h", "7 h 30 min", "16 h 1 s". Whole seconds only (fractions are truncated), zero parts
 * left out, so a reason never shows "16 h" for a shift that is one second over a 16-hour limit.
 */

export const MS_PER_SECOND = 1000;
export const MS_PER_HOUR = 3_600_000;

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`${String(ms)} ms is not a duration.`);
  const totalSeconds = Math.floor(ms / MS_PER_SECOND);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [
    hours > 0 ? `${hours} h` : '',
    minutes > 0 ? `${minutes} min` : '',
    seconds > 0 ? `${seconds} s` : '',
  ].filter((part) => part !== '');
  return parts.length > 0 ? parts.join(' ') : '0 s';
}
