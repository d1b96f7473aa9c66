/** Small shared pieces: a punch's status, a query's loading or error line, an error from an action. */
import type { PunchStatus } from '../../../core/punch-status';
import { useI18n } from '../i18n/i18n';

export function StatusBadge({ status }: { status: PunchStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

export function QueryState({ isPending, error }: { isPending: boolean; error: Error | null }) {
  const { t } = useI18n();
  if (error)
    return (
      <p role="alert" className="error">
        {t('app.error', { message: error.message })}
      </p>
    );
  if (isPending) return <p className="muted">{t('app.loading')}</p>;
  return null;
}

export function ActionError({ error }: { error: Error | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {t('common.failed', { message: error.message })}
    </p>
  );
}
