import { useId } from 'react';
import { useI18n } from '../i18n/i18n';
import { timeZones } from './kiosk-api';

/** A labelled time-zone input with the browser's zones as suggestions. */
export function ZoneField({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const { t } = useI18n();
  const listId = useId();
  return (
    <label className="field">
      {t('kiosks.timeZone')}
      <input list={listId} required value={value} onChange={(e) => onChange(e.target.value)} />
      <datalist id={listId}>
        {timeZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </label>
  );
}
