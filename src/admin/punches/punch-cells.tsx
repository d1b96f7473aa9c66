/** How a punch reads in a table: who, when, how Kenjo will see it, and how its delivery went. */
import type { PunchView } from '../../../core/punch-view';
import { useI18n } from '../i18n/i18n';
import { formatInZone } from '../ui/format';
import { StatusBadge } from '../ui/status';
import { identifierLabel } from './identifier-label';
import { reasonLabel } from './reason-label';

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
  const { t, language } = useI18n();
  if (punch.isOvernightShift === null) return <span className="muted">{t('punch.overnightUndecided')}</span>;
  const reason = reasonLabel(punch.overnightReason, punch.overnightReasonCode, t, language);
  return (
    <>
      {punch.isOvernightShift ? t('common.yes') : t('common.no')}
      {reason && <span className="muted block">{reason}</span>}
    </>
  );
}

export function StatusCell({ punch }: { punch: PunchView }) {
  const { t, language } = useI18n();
  const reason = reasonLabel(punch.reason, punch.reasonCode, t, language);
  return (
    <>
      <StatusBadge status={punch.status} />
      {reason && <span className="block">{reason}</span>}
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
