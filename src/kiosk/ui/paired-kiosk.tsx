import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useState } from 'react';
import { DEFAULT_MAX_SHIFT_HOURS } from '../../../core/attendance-day';
import { DEFAULT_DOUBLE_SCAN_WINDOW_S } from '../../../core/double-scan';
import { UnauthorizedError } from '../api/http';
import { afterAnswerPainted } from '../device/after-answer';
import type { KioskConfig } from '../api/types';
import { CaptureButtons } from '../capture/capture-buttons';
import { useWakeLock } from '../device/use-wake-lock';
import { useI18n } from '../i18n/i18n-context';
import { useBadgeReader } from '../input/use-badge-reader';
import { warmPeople } from '../outbox/outbox';
import type { StoredDirectory } from '../outbox/settings';
import { usePunchController } from '../punch/use-punch-controller';
import { kioskTimeZone } from '../state/device-state';
import { currentDirectory, useDirectory, useKioskConfig } from '../state/server-state';
import { useConnection } from '../sync/use-connection';
import { useSync, useSyncStatus } from '../sync/use-sync';
import { EmailForm } from './email-form';
import { AnswerRegion } from './answer-region';
import { IdleClock } from './idle-clock';
import { IdleWatch } from './idle-watch';
import { PunchLanguage } from './punch-language';
import { RefusedPunches } from './refused-punches';
import { StatusBar } from './status-bar';
import { Toolbar } from './toolbar';
import { DemoBanner } from './demo-banner';

/**
 * The screen's parts, rendered again only when their own inputs change: the screen itself re-renders when the
 * configuration, the directory, the connection or the last sync change, and an answer renders only its region.
 */
const Status = memo(StatusBar);
const Tools = memo(Toolbar);
const Clock = memo(IdleClock);
const Email = memo(EmailForm);
const Capture = memo(CaptureButtons);
const Languages = memo(PunchLanguage);
const Refused = memo(RefusedPunches);
const Answer = memo(AnswerRegion);

interface Props {
  token: string;
  storedConfig: KioskConfig | null;
  storedDirectory: StoredDirectory | null;
  lastSyncAt: string | null;
  sound: boolean;
  onSoundChange: (on: boolean) => void;
  onRevoked: () => void;
  onUnpair: () => void;
}

/** The punch screen of a paired kiosk: a slim status line, the clock, the prompt, and the answer to each punch. */
export function PairedKiosk(props: Props) {
  const { t } = useI18n();
  const { onRevoked } = props;
  const config = useKioskConfig(props.token, props.storedConfig);
  const queryClient = useQueryClient();
  const directory = useDirectory(props.token, props.storedDirectory);
  const timeZone = kioskTimeZone(config.data ?? null);
  const engine = useSync({
    token: props.token,
    timeZone,
    lastSyncAt: props.lastSyncAt,
    onRevoked,
  });
  const lastSyncAt = useSyncStatus(engine, (status) => status.lastSyncAt);
  const connection = useConnection(
    engine,
    useSyncStatus(engine, (status) => status.failures),
  );
  const revokedByQuery =
    config.error instanceof UnauthorizedError || directory.error instanceof UnauthorizedError;
  useEffect(() => {
    if (revokedByQuery) onRevoked();
  }, [revokedByQuery, onRevoked]);

  const { answers, isPunching, punch, answer } = usePunchController({
    context: () => ({
      directory: currentDirectory(queryClient, props.token) ?? null,
      timeZone,
      doubleScanWindowS: config.data?.doubleScanWindowS ?? DEFAULT_DOUBLE_SCAN_WINDOW_S,
      // A configuration stored by an older version lacks it.
      maxShiftHours: config.data?.maxShiftHours ?? DEFAULT_MAX_SHIFT_HOURS,
    }),
    onRecorded: () => engine.punched(),
    sound: props.sound,
  });
  useBadgeReader((badge) => punch({ externalId: badge }));
  // What a scan decides on is read once the screen is up, not by the first person to punch.
  useEffect(() => afterAnswerPainted(() => void warmPeople(Date.now()).catch(() => undefined)), []);
  const { refetch: refetchDirectory } = directory;
  const onUnknown = useCallback(() => void refetchDirectory(), [refetchDirectory]);
  useWakeLock();

  const [typing, setTyping] = useState(false);
  const [capturing, setCapturing] = useState(false);
  const onCaptureChange = useCallback((active: boolean) => setCapturing(active), []);

  return (
    <div className="kiosk">
      <header>
        {config.data?.demoMode && <DemoBanner />}
        <div className="kiosk-header">
          <Status
            kioskName={config.data?.name ?? null}
            timeZone={timeZone}
            lastSyncAt={lastSyncAt}
            connection={connection}
          />
          <Tools
            sound={props.sound}
            onSoundChange={props.onSoundChange}
            lock={config.data?.settingsLock}
            onUnpair={props.onUnpair}
          />
        </div>
      </header>
      <IdleWatch engine={engine} answers={answers} busy={typing || capturing} isPunching={isPunching} />
      <main className="stage">
        <Clock timeZone={timeZone} />
        <h1>{t('idleHeading')}</h1>
        <Answer answers={answers} timeZone={timeZone} connection={connection} onUnknown={onUnknown} />
        <Email onPunch={punch} onAnswer={answer} onDraftChange={setTyping} />
        <Capture onPunch={punch} onActiveChange={onCaptureChange} />
        <Languages />
        <Refused timeZone={timeZone} />
      </main>
    </div>
  );
}
