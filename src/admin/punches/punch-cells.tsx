/** How a punch reads in a table: who, when, how Kenjo will see it, and how its delivery went. */
import type { EmployeeRef } from '../../../core/punch';
import type { PunchView } from '../../../core/punch-view';
import { useI18n, type Translate } from '../i18n/i18n';
import { formatInZone } from '../ui/format';
import { StatusBadge } from '../ui/status';

/** "badge B-1012", "email ana@…" in the console's language. */
export function identifierLabel(ref: EmployeeRef, t: Translate): string {
  if ('externalId' in ref) return t('identifier.externalId', { value: ref.externalId });
  if ('email' in ref) return t('identifier.email', { value: ref.email });
  return t('identifier.userId', { value: ref.userId });
}

export function EmployeeCell({ punch }: { punch: PunchView }) {
  const { t } = useI18n();
  const label = identifierLabel(punch.employee, t);
  return (
    <>
      {punch.employeeName ? <span>{punch.employeeName}</span> : null}
      <span className={punch.employeeName ? 'muted block' : undefined}>{label}</span>
    </>
  );
}

export function OvernightCell({ punch }: { punch: PunchView }) {
  const { t } = useI18n();
  if (punch.isOvernightShift === null) return <span className="muted">{t('punch.overnightUndecided')}</span>;
  return (
    <>
      {punch.isOvernightShift ? t('common.yes') : t('common.no')}
      {punch.overnightReason && <span className="muted block">{punch.overnightReason}</span>}
    </>
  );
}

export function StatusCell({ punch }: { punch: PunchView }) {
  return (
    <>
      <StatusBadge status={punch.status} />
      {punch.reason && <span className="block">{punch.reason}</span>}
    </>
  );
}

export function DirectionCell({ punch }: { punch: PunchView }) {
  const { t } = useI18n();
  if (!punch.direction) return <span className="muted">—</span>;
  return (
    <span className={`direction direction-${punch.direction}`}>{t(`direction.${punch.direction}`)}</span>
  );
}

/** When it was punched, on the kiosk's clock, with that zone named. */
export function WhenCell({ punch }: { punch: PunchView }) {
  const { language } = useI18n();
  return (
    <>
      {formatInZone(punch.at, language, punch.timeZone)}
      <span className="muted block">{punch.timeZone}</span>
    </>
  );
}

/** When it reached Kenjo, on the same kiosk clock as the rest of the row. */
export function DeliveredCell({ punch }: { punch: PunchView }) {
  const { language } = useI18n();
  return <>{formatInZone(punch.deliveredAt, language, punch.timeZone)}</>;
}
