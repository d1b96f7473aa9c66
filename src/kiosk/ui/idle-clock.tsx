import { useNow } from '../device/use-now';
import { formatClockTime, formatLongDate } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';

/** The time and date on the kiosk zone's clock, large enough to read from two metres on a 10" tablet. */
export function IdleClock({ timeZone }: { timeZone: string }) {
  const { language } = useI18n();
  const now = useNow();
  return (
    <div className="idle-clock">
      <time className="clock-time" dateTime={new Date(now).toISOString()}>
        {formatClockTime(now, timeZone)}
      </time>
      <p className="clock-date">{formatLongDate(now, timeZone, language)}</p>
    </div>
  );
}
