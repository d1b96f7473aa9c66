/** Is Kenjo answering, how far behind is delivery, how fresh is the employee list. */
import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client';
import type { KenjoStatus } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { formatAge, formatInstant } from '../ui/format';
import { QueryState } from '../ui/status';

export function KenjoPage() {
  const { t, language } = useI18n();
  const status = useQuery({ queryKey: ['kenjo'], queryFn: () => get<KenjoStatus>('/api/v1/admin/kenjo') });
  const s = status.data;
  return (
    <section aria-labelledby="kenjo-title">
      <h2 id="kenjo-title">{t('kenjo.title')}</h2>
      <QueryState isPending={status.isPending} error={status.error} />
      {s && s.problems.length > 0 && (
        <div className="card warning" role="alert">
          <h3>{t('kenjo.actionNeeded')}</h3>
          <ul>
            {s.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p className="muted">{t('kenjo.replayPaused')}</p>
        </div>
      )}
      {s && (
        <dl className="facts card">
          <dt>{t('kenjo.mode')}</dt>
          <dd>{s.demoMode ? t('kenjo.demo') : t('kenjo.live')}</dd>
          <dt>{t('kenjo.connection')}</dt>
          <dd>
            <span className={`badge connection-${s.connection}`}>
              {t(`kenjo.connection.${s.connection}` as MessageKey)}
            </span>
          </dd>
          <dt>{t('kenjo.lastSuccess')}</dt>
          <dd>{formatInstant(s.lastSuccessAt, language)}</dd>
          <dt>{t('kenjo.lastError')}</dt>
          <dd>
            {s.lastError ?? '—'}
            {s.lastErrorAt && <span className="muted block">{formatInstant(s.lastErrorAt, language)}</span>}
          </dd>
          <dt>{t('kenjo.calls')}</dt>
          <dd>{s.trackTimeCalls}</dd>
          <dt>{t('kenjo.backlog')}</dt>
          <dd>{s.backlog.waiting}</dd>
          <dt>{t('kenjo.oldest')}</dt>
          <dd>{s.backlog.oldestAgeS === null ? '—' : formatAge(s.backlog.oldestAgeS, language)}</dd>
          <dt>{t('kenjo.failed')}</dt>
          <dd>{s.backlog.failed}</dd>
          <dt>{t('kenjo.directory')}</dt>
          <dd>{s.directory.ageS === null ? '—' : formatAge(s.directory.ageS, language)}</dd>
          <dt>{t('kenjo.employees')}</dt>
          <dd>
            {s.directory.employees} ({s.directory.activeEmployees})
            {s.skipped.map((skip) => (
              <span key={`${skip.list}/${skip.reason}`} className="muted block">
                {t('kenjo.skipped', { count: skip.count, list: skip.list, reason: skip.reason })}
              </span>
            ))}
          </dd>
          <dt>{t('kenjo.unexpected')}</dt>
          <dd>
            {s.unexpectedAnswers.count}
            {s.unexpectedAnswers.last && <span className="muted block">{s.unexpectedAnswers.last}</span>}
          </dd>
        </dl>
      )}
    </section>
  );
}
