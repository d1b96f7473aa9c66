/**
 * The kiosk zone's wall clock via `Intl`, `YYYY-MM-DDThh:mm:ss` like core/wall-time's `toWallTime`. The kiosk
 * does not import that one: it brings date-fns' formatter, a tenth of the kiosk's download budget.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

export function kioskWallTime(epochMs: number, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const { type, value } of formatFor(timeZone).formatToParts(epochMs)) parts[type] = value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}
