/** Who is in right now, per site, and yesterday's entries nobody closed (forgotten clock-outs). */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeEmployee } from '../../../core/punch';
import { get, query } from '../api/client';
import type { PresentPerson, WhoIsIn } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useKiosks } from '../kiosks/kiosk-api';
import { identifierLabel } from '../punches/identifier-label';
import { formatWallTime } from '../ui/format';
import { QueryState } from '../ui/status';

function Person({ person }: { person: PresentPerson }) {
  const { t, language } = useI18n();
  return (
    <li>
      <strong>{person.employeeName ?? identifierLabel(person.employee, t)}</strong>{' '}
      <span className="muted">
        {t('presence.since')} {formatWallTime(person.sinceWallTime, language)}
        {person.overnight && ` (${t('presence.overnight')})`}
      </span>
    </li>
  );
}

export function WhoIsInPage() {
  const { t } = useI18n();
  const [site, setSite] = useState('');
  const kiosks = useKiosks();
  const kioskName = new Map((kiosks.data ?? []).map((k) => [k.id, k.name]));
  const presence = useQuery({
    queryKey: ['who-is-in', site],
    queryFn: () => get<WhoIsIn>(`/api/v1/admin/who-is-in${query({ site })}`),
  });
  const data = presence.data;
  return (
    <section aria-labelledby="presence-title">
      <h2 id="presence-title">{t('presence.title')}</h2>
      <label className="field narrow">
        {t('presence.site')}
        <select value={site} onChange={(e) => setSite(e.target.value)}>
          <option value="">{t('presence.allSites')}</option>
          {(kiosks.data ?? []).map((kiosk) => (
            <option key={kiosk.id} value={kiosk.id}>
              {kiosk.name}
            </option>
          ))}
        </select>
      </label>
      <QueryState isPending={presence.isPending} error={presence.error} />
      {data && (
        <>
          <p aria-live="polite">{t('presence.count', { count: data.presentCount })}</p>
          {data.sites.length === 0 && <p>{t('presence.nobody')}</p>}
          {data.sites.map((s) => (
            <section key={s.kioskId} aria-labelledby={`site-${s.kioskId}`} className="card">
              <h3 id={`site-${s.kioskId}`}>
                {s.kioskName ?? kioskName.get(s.kioskId) ?? t('presence.unknownKiosk')} ({s.people.length})
              </h3>
              <ul>
                {s.people.map((person) => (
                  <Person
                    key={`${person.employeeKey ?? describeEmployee(person.employee)}`}
                    person={person}
                  />
                ))}
              </ul>
            </section>
          ))}
          <section aria-labelledby="forgotten-title" className="card">
            <h3 id="forgotten-title">{t('presence.forgottenTitle')}</h3>
            <p className="muted">{t('presence.forgottenHelp')}</p>
            {data.forgotten.length === 0 ? (
              <p>{t('presence.noneForgotten')}</p>
            ) : (
              <ul>
                {data.forgotten.map((person) => (
                  <Person
                    key={`${person.employeeKey ?? describeEmployee(person.employee)}`}
                    person={person}
                  />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}
