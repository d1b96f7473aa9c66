/** A date range and a plain link to the CSV endpoint: the browser downloads it with the session cookie. */
import { useState } from 'react';
import { query } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { localDay } from '../ui/format';

export function CsvExport() {
  const { t } = useI18n();
  const today = localDay(new Date());
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const valid = from !== '' && to !== '' && from <= to;
  return (
    <section aria-labelledby="csv-title" className="card">
      <h3 id="csv-title">{t('export.title')}</h3>
      <div className="inline-form">
        <label className="field">
          {t('export.from')}
          <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          {t('export.to')}
          <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </label>
        <a
          className={`button primary${valid ? '' : ' disabled'}`}
          aria-disabled={!valid || undefined}
          href={valid ? `/api/v1/admin/punches.csv${query({ from, to })}` : undefined}
          download
        >
          {t('export.download')}
        </a>
      </div>
    </section>
  );
}
