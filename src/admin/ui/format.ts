/** Instants and ages for people, in the console's language and the browser's time zone. */
import type { Translate } from '../i18n/i18n';

export function formatInstant(iso: string | null, language: string, none = '—'): string {
  if (iso === null) return none;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

/** An instant on the clock of `timeZone` (the kiosk's zone), so a row of the table speaks of one zone only. */
export function formatInZone(iso: string | null, language: string, timeZone: string, none = '—'): string {
  if (iso === null) return none;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(
      date,
    );
  } catch {
    return formatInstant(iso, language, none);
  }
}

/** A Kenjo wall time `YYYY-MM-DDThh:mm:ss` as it reads, without converting zones. */
export function formatWallTime(wallTime: string): string {
  return wallTime.replace('T', ' ');
}

export function formatAge(seconds: number, t: Translate): string {
  if (seconds < 60) return t('common.secondsAgo', { n: Math.max(0, Math.floor(seconds)) });
  if (seconds < 3600) return t('common.minutesAgo', { n: Math.floor(seconds / 60) });
  if (seconds < 86_400) return t('common.hoursAgo', { n: Math.floor(seconds / 3600) });
  return t('common.daysAgo', { n: Math.floor(seconds / 86_400) });
}

export function formatAgo(iso: string | null, nowMs: number, t: Translate): string {
  if (iso === null) return '—';
  return formatAge((nowMs - Date.parse(iso)) / 1000, t);
}

/** A signed clock error, "+2.4 s" / "−0.3 s". */
export function formatClockError(ms: number | null): string {
  if (ms === null) return '—';
  const seconds = Math.abs(ms) / 1000;
  return `${ms < 0 ? '−' : '+'}${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
}

/** The local calendar day `YYYY-MM-DD` of a Date, for `<input type="date">`. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The instants bounding a local calendar day, as RFC 3339 (UTC) strings. */
export function dayBounds(day: string): { from: string; to: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const start = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const end = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1);
  return { from: start.toISOString(), to: new Date(end.getTime() - 1).toISOString() };
}
