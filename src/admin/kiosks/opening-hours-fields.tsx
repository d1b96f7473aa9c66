import { useI18n } from '../i18n/i18n';

/** Mirrors the proxy's opening hours: ISO weekdays (1 = Monday) and `hh:mm` on the kiosk's wall clock. */
export interface OpeningHours {
  days: number[];
  from: string;
  to: string;
}

export const DEFAULT_OPENING_HOURS: OpeningHours = { days: [1, 2, 3, 4, 5], from: '07:00', to: '18:00' };

/** 5 Jan 2026 is a Monday: the weekday names come from the browser, in the console's language. */
function weekdayName(language: string, isoDay: number): string {
  return new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(
    Date.UTC(2026, 0, 4 + isoDay),
  );
}

function TimeField(props: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label className="field">
      {props.label}
      <input type="time" required value={props.value} onChange={(e) => props.onChange(e.target.value)} />
    </label>
  );
}

/**
 * The opening hours during which a silent kiosk raises an alert; unticking "watch" clears them (`null`), and the
 * kiosk is then never reported silent.
 */
export function OpeningHoursFields({
  value,
  onChange,
}: {
  value: OpeningHours | null;
  onChange: (hours: OpeningHours | null) => void;
}) {
  const { t, language } = useI18n();
  const toggleDay = (hours: OpeningHours, day: number) => {
    const days = hours.days.includes(day) ? hours.days.filter((d) => d !== day) : [...hours.days, day];
    onChange({ ...hours, days: days.sort((a, b) => a - b) });
  };
  return (
    <fieldset className="opening-hours">
      <legend>{t('kiosks.openingHours')}</legend>
      <label className="inline-field">
        <input
          type="checkbox"
          checked={value !== null}
          onChange={(e) => onChange(e.target.checked ? DEFAULT_OPENING_HOURS : null)}
        />
        {t('kiosks.watchSilence')}
      </label>
      {value && (
        <>
          <div className="inline-form">
            {[1, 2, 3, 4, 5, 6, 7].map((day) => (
              <label key={day} className="inline-field">
                <input
                  type="checkbox"
                  checked={value.days.includes(day)}
                  onChange={() => toggleDay(value, day)}
                />
                {weekdayName(language, day)}
              </label>
            ))}
          </div>
          <div className="inline-form">
            <TimeField
              label={t('kiosks.opensAt')}
              value={value.from}
              onChange={(from) => onChange({ ...value, from })}
            />
            <TimeField
              label={t('kiosks.closesAt')}
              value={value.to}
              onChange={(to) => onChange({ ...value, to })}
            />
          </div>
        </>
      )}
    </fieldset>
  );
}
