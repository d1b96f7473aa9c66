import { useOnline } from '../device/use-online';
import { useNow } from '../device/use-now';
import { formatClockTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { usePendingCount } from '../state/local-state';
import type { SyncStatus } from '../sync/sync-engine';

interface Props {
  kioskName: string | null;
  timeZone: string;
  sync: SyncStatus;
}

/** Always on screen: the clock, connectivity, punches waiting on this device and the last successful sync. */
export function StatusBar({ kioskName, timeZone, sync }: Props) {
  const { t } = useI18n();
  const now = useNow();
  const online = useOnline();
  const pending = usePendingCount();
  const connection = !online ? 'offline' : sync.failures > 0 ? 'unreachable' : 'online';
  const connectionText = {
    online: t('statusOnline'),
    offline: t('statusOffline'),
    unreachable: t('statusUnreachable'),
  }[connection];
  const lastSyncMs = sync.lastSyncAt ? Date.parse(sync.lastSyncAt) : NaN;

  return (
    <section className="status-bar" aria-label={t('kioskStatus')}>
      <time className="clock" aria-label={t('clock')} dateTime={new Date(now).toISOString()}>
        {formatClockTime(now, timeZone)}
      </time>
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
