import { formatClockTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { usePendingCount } from '../state/local-state';
import type { Connection } from '../sync/use-connection';

interface Props {
  kioskName: string | null;
  timeZone: string;
  /** When the proxy last answered for punches of this device. */
  lastSyncAt: string | null;
  connection: Connection;
}

/** Always on screen, one slim line: the site, connectivity, punches waiting on this device and the last sync. */
export function StatusBar({ kioskName, timeZone, lastSyncAt, connection }: Props) {
  const { t } = useI18n();
  const pending = usePendingCount();
  const connectionText = {
    online: t('statusOnline'),
    offline: t('statusOffline'),
    unreachable: t('statusUnreachable'),
  }[connection];
  const lastSyncMs = lastSyncAt ? Date.parse(lastSyncAt) : NaN;

  return (
    <section className="status-bar" aria-label={t('kioskStatus')}>
      {kioskName && <span className="kiosk-name">{kioskName}</span>}
      <span className={`connection connection-${connection}`}>
        <span className="dot" aria-hidden="true" />
        {connectionText}
      </span>
      <span className="pending" data-count={pending}>
        {t('pendingCount', { count: pending })}
      </span>
      <span className="last-sync">
        {Number.isFinite(lastSyncMs)
          ? t('lastSync', { time: formatClockTime(lastSyncMs, timeZone) })
          : t('lastSyncNever')}
      </span>
    </section>
  );
}
