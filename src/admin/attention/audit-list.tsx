import type { AuditEntry } from '../api/types';
import { en, type MessageKey } from '../i18n/en';
import { useI18n, type Translate } from '../i18n/i18n';
import { formatInZone, formatInstant } from '../ui/format';
import { QueryState } from '../ui/status';
import { useAudit } from './attention-api';

/** The latest operator actions, so a retry, discard or reassignment is seen to have happened and by whom. */
export function AuditList() {
  const { t, language } = useI18n();
  const audit = useAudit();
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <QueryState isPending={audit.isPending} error={audit.error} />
      {audit.data?.length === 0 && <p>{t('audit.empty')}</p>}
      {audit.data && audit.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('common.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.map((entry, index) => (
                <tr key={`${entry.atMs}-${index}`}>
                  <td>{formatInstant(entry.at, language)}</td>
                  <td>{entry.actor}</td>
                  <td>{actionLabel(entry.action, t)}</td>
                  <AuditTarget entry={entry} />
                  <td>{entry.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The kiosk by its name, the punch by its person and time on its kiosk's clock; else the target as recorded. */
function AuditTarget({ entry }: { entry: AuditEntry }) {
  const { t, language } = useI18n();
  const { subject, target } = entry;
  if (subject === null) return <td className="mono">{target}</td>;
  if (subject.kind === 'kiosk') return <td>{subject.name}</td>;
  const time = formatInZone(subject.at, language, subject.timeZone, '');
  return (
    <td>{time === '' ? subject.employee : t('audit.punchTarget', { employee: subject.employee, time })}</td>
  );
}

/** An audit action (`kiosk.create`) in the console's language; one the console does not know reads as recorded. */
export function actionLabel(action: string, t: Translate): string {
  const key = `auditAction.${action}`;
  return key in en ? t(key as MessageKey) : action;
}
