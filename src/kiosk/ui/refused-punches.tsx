import { formatClockTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { useRefusedPunches } from '../state/local-state';
import { refusalText } from './feedback-card';

/** Punches the proxy refused, with its reasons; shown only when there are some. Operators act in the console. */
export function RefusedPunches({ timeZone }: { timeZone: string }) {
  const { t } = useI18n();
  const refused = useRefusedPunches();
  if (refused.length === 0) return null;
  return (
    <details className="refused">
      <summary>{t('refusedCount', { count: refused.length })}</summary>
      <ul>
        {refused.map((punch) => (
          <li key={punch.id}>
            {formatClockTime(punch.atMs, timeZone)}{' '}
            {'externalId' in punch.employee
              ? punch.employee.externalId
              : 'email' in punch.employee
                ? punch.employee.email
                : punch.employee.userId}
            {': '}
            {refusalText(t, punch)}
          </li>
        ))}
      </ul>
    </details>
  );
}
