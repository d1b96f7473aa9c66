import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_MAX_SHIFT_HOURS } from '../../../core/attendance-day';
import { DEFAULT_DOUBLE_SCAN_WINDOW_S } from '../../../core/double-scan';
import { UnauthorizedError } from '../api/http';
import type { KioskConfig } from '../api/types';
import { CaptureButtons } from '../capture/capture-buttons';
import { useWakeLock } from '../device/use-wake-lock';
import { useI18n } from '../i18n/i18n-context';
import { useBadgeReader } from '../input/use-badge-reader';
import type { StoredDirectory } from '../outbox/settings';
import { usePunchController } from '../punch/use-punch-controller';
import { kioskTimeZone } from '../state/device-state';
import { useDirectory, useKioskConfig } from '../state/server-state';
import { useSync } from '../sync/use-sync';
import { setIdleCheck } from '../update/sw-update';
import { EmailForm } from './email-form';
import { FeedbackCard } from './feedback-card';
import { RefusedPunches } from './refused-punches';
import { StatusBar } from './status-bar';
import { Toolbar } from './toolbar';

interface Props {
  token: string;
  storedConfig: KioskConfig | null;
  storedDirectory: StoredDirectory | null;
  lastSyncAt: string | null;
  sound: boolean;
  onSoundChange: (on: boolean) => void;
  onRevoked: () => void;
}

/** The punch screen of a paired kiosk. */
export function PairedKiosk(props: Props) {
  const { t } = useI18n();
  const { onRevoked } = props;
  const config = useKioskConfig(props.token, props.storedConfig);
  const directory = useDirectory(props.token, props.storedDirectory);
  const timeZone = kioskTimeZone(config.data ?? null);
  const { engine, status } = useSync({
    token: props.token,
    timeZone,
    lastSyncAt: props.lastSyncAt,
    onRevoked,
  });
  const revokedByQuery =
    config.error instanceof UnauthorizedError || directory.error instanceof UnauthorizedError;
  useEffect(() => {
    if (revokedByQuery) onRevoked();
  }, [revokedByQuery, onRevoked]);

  const { feedback, busy, punch, dismiss } = usePunchController({
    context: () => ({
      directory: directory.data ?? null,
      timeZone,
      doubleScanWindowS: config.data?.doubleScanWindowS ?? DEFAULT_DOUBLE_SCAN_WINDOW_S,
      // A configuration stored by an older version lacks it.
      maxShiftHours: config.data?.maxShiftHours ?? DEFAULT_MAX_SHIFT_HOURS,
    }),
    onRecorded: () => void engine.trigger(),
    sound: props.sound,
  });
  useBadgeReader((badge) => punch({ externalId: badge }));
  // A badge the cached directory lacks may belong to someone added since: ask the proxy again for the next try.
  const unknownSeen = feedback?.kind === 'unknown' ? feedback.seq : null;
  const { refetch: refetchDirectory } = directory;
  useEffect(() => {
    if (unknownSeen !== null) void refetchDirectory();
  }, [unknownSeen, refetchDirectory]);
  useWakeLock();

  const [typing, setTyping] = useState(false);
  const [capturing, setCapturing] = useState(false);
  const idle = !feedback && !busy && !status.sending && !typing && !capturing;
  useEffect(() => setIdleCheck(() => idle), [idle]);
  const onCaptureChange = useCallback((active: boolean) => setCapturing(active), []);

  return (
    <div className="kiosk">
      <header>
        {config.data?.demoMode && (
          <p className="demo-banner" role="note">
            {t('demoBanner')}
          </p>
        )}
        <div className="kiosk-header">
          <StatusBar kioskName={config.data?.name ?? null} timeZone={timeZone} sync={status} />
          <Toolbar sound={props.sound} onSoundChange={props.onSoundChange} />
        </div>
      </header>
      <main className="stage">
        <h1>{t('idleHeading')}</h1>
        <div role="status" aria-live="polite" aria-atomic="true" className="feedback-region">
          {feedback && (
            <FeedbackCard key={feedback.seq} feedback={feedback} timeZone={timeZone} onDismiss={dismiss} />
          )}
        </div>
        <EmailForm onPunch={punch} onDraftChange={setTyping} />
        <CaptureButtons onPunch={punch} onActiveChange={onCaptureChange} />
        <RefusedPunches timeZone={timeZone} />
      </main>
    </div>
  );
}
