const formats = new Map<string, Intl.DateTimeFormat>();

/** `08:01` on the kiosk zone's wall clock (24-hour in every language the kiosk speaks). */
export function formatClockTime(epochMs: number, timeZone: string, withSeconds = false): string {
  const key = `${timeZone}|${withSeconds}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    });
    formats.set(key, format);
  }
  return format.format(epochMs);
}

const dates = new Map<string, Intl.DateTimeFormat>();

/** "Monday, 30 November 2026" in the kiosk's language, on the kiosk zone's calendar. */
export function formatLongDate(epochMs: number, timeZone: string, language: string): string {
  const key = `${language}|${timeZone}`;
  let format = dates.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    dates.set(key, format);
  }
  return format.format(epochMs);
}
