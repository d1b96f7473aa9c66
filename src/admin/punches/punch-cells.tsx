/** How a punch reads in a table: who, when, how Kenjo will see it, and how its delivery went. */
import { describeEmployee } from '../../../core/punch';
import type { PunchView } from '../../../core/punch-view';
import { useI18n } from '../i18n/i18n';
import { formatInstant, formatWallTime } from '../ui/format';
import { StatusBadge } from '../ui/status';

export function EmployeeCell({ punch }: { punch: PunchView }) {
  const label = describeEmployee(punch.employee);
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

export function KenjoTimeCell({ punch }: { punch: PunchView }) {
  return (
    <>
      {formatWallTime(punch.kenjoDateTime)}
      <span className="muted block">{punch.timeZone}</span>
    </>
  );
}

export function DeliveredCell({ punch }: { punch: PunchView }) {
  const { language } = useI18n();
  return <>{formatInstant(punch.deliveredAt, language)}</>;
}
