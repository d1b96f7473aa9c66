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
