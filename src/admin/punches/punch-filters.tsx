import { useState, type FormEvent } from 'react';
import { PUNCH_STATUSES, type PunchStatus } from '../../../core/punch-status';
import type { Kiosk } from '../api/types';
import { useI18n } from '../i18n/i18n';

export interface PunchFilterValues {
  status: PunchStatus | '';
  kioskId: string;
  employee: string;
  day: string;
}

export const NO_FILTERS: PunchFilterValues = { status: '', kioskId: '', employee: '', day: '' };

/** The search form; it applies on submit so typing does not send a query per keystroke. */
export function PunchFilters({
  kiosks,
  onApply,
}: {
  kiosks: readonly Kiosk[];
  onApply: (f: PunchFilterValues) => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<PunchFilterValues>(NO_FILTERS);
  const set = <K extends keyof PunchFilterValues>(key: K, value: PunchFilterValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...values, employee: values.employee.trim() });
  };
  const clear = () => {
    setValues(NO_FILTERS);
    onApply(NO_FILTERS);
  };
  return (
    <form role="search" aria-label={t('punches.filters')} onSubmit={submit} className="inline-form">
      <label className="field">
        {t('punch.status')}
        <select value={values.status} onChange={(e) => set('status', e.target.value as PunchStatus | '')}>
          <option value="">{t('punches.anyStatus')}</option>
          {PUNCH_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('punch.kiosk')}
        <select value={values.kioskId} onChange={(e) => set('kioskId', e.target.value)}>
          <option value="">{t('punches.anyKiosk')}</option>
          {kiosks.map((kiosk) => (
            <option key={kiosk.id} value={kiosk.id}>
              {kiosk.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('punches.employeeFilter')}
        <input value={values.employee} onChange={(e) => set('employee', e.target.value)} />
      </label>
      <label className="field">
        {t('punches.day')}
        <input type="date" value={values.day} onChange={(e) => set('day', e.target.value)} />
      </label>
      <div className="buttons">
        <button type="submit" className="primary">
          {t('punches.apply')}
        </button>
        <button type="button" onClick={clear}>
          {t('punches.clear')}
        </button>
      </div>
    </form>
  );
}
