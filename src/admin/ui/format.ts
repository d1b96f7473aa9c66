/** Instants, wall times, durations, ages and numbers for people, in the console's language, through `Intl`. */

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

/** A Kenjo wall time `YYYY-MM-DDThh:mm:ss` as it reads, in the console's language, without converting zones. */
export function formatWallTime(wallTime: string, language: string): string {
  const ms = Date.parse(`${wallTime}Z`);
  if (Number.isNaN(ms)) return wallTime;
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(ms);
}

/** A calendar day `YYYY-MM-DD` (or a wall time's day): "3 Feb" / "3. Feb.". */
export function formatWallDay(dayOrWallTime: string, language: string): string {
  const ms = Date.parse(`${dayOrWallTime.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(ms)) return dayOrWallTime;
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(ms);
}

/** A wall time's clock time: "22:00" / "10:00 PM", as the language writes it. */
export function formatWallClock(wallTime: string, language: string): string {
  const ms = Date.parse(`${wallTime}Z`);
  if (Number.isNaN(ms)) return wallTime;
  return new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: 'UTC' }).format(ms);
}

function unit(
  value: number,
  language: string,
  name: 'day' | 'hour' | 'minute' | 'second',
  sign = false,
): string {
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: name,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
    ...(sign ? { signDisplay: 'exceptZero' as const } : {}),
  }).format(value);
}

/** A duration in whole units, zero parts left out: "8 hr 30 min" / "8 Std. 30 Min.". */
export function formatDuration(ms: number, language: string): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const parts = [
    [Math.floor(total / 3600), 'hour'],
    [Math.floor((total % 3600) / 60), 'minute'],
    [total % 60, 'second'],
  ] as const;
  const shown = parts.filter(([n]) => n > 0).map(([n, name]) => unit(n, language, name));
  return shown.length > 0 ? shown.join(' ') : unit(0, language, 'second');
}

/** A count of days or seconds with its unit, pluralised by the language: "1 day", "14 Tage". */
export function formatQuantity(value: number, language: string, name: 'day' | 'second'): string {
  return new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** How long ago, in the language's words: "5 minutes ago", "vor 5 Minuten". */
export function formatAge(seconds: number, language: string): string {
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'always', style: 'long' });
  if (seconds < 60) return relative.format(-Math.max(0, Math.floor(seconds)), 'second');
  if (seconds < 3600) return relative.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return relative.format(-Math.floor(seconds / 3600), 'hour');
  return relative.format(-Math.floor(seconds / 86_400), 'day');
}

export function formatAgo(iso: string | null, nowMs: number, language: string): string {
  if (iso === null) return '—';
  return formatAge((nowMs - Date.parse(iso)) / 1000, language);
}

/** A signed clock error, "+2.4 sec" / "−0,3 Sek.". */
export function formatClockError(ms: number | null, language: string): string {
  if (ms === null) return '—';
  const seconds = ms / 1000;
  return unit(Math.abs(seconds) < 10 ? seconds : Math.round(seconds), language, 'second', true);
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
