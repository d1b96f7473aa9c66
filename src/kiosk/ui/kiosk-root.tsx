import { useCallback, useEffect, useMemo, useState } from 'react';
import { requestPersistentStorage } from '../device/storage';
import { loadCatalogue, translator } from '../i18n/catalogue';
import { I18nContext, type I18n } from '../i18n/i18n-context';
import type { Language } from '../i18n/languages';
import { pruneHistory } from '../outbox/history';
import { forgetNames } from '../outbox/names';
import { deleteSetting, writeSetting } from '../outbox/settings';
import { loadDeviceState, type DeviceState } from '../state/device-state';
import { useOutboxInvalidation } from '../state/local-state';
import { PairedKiosk } from './paired-kiosk';
import { SetupScreen } from './setup-screen';
import { usePairing, type Paired } from './use-pairing';

const HISTORY_KEPT_MS = 35 * 24 * 3_600_000;

/** Loads what the device knows, then shows setup or the punch screen. */
export function KioskRoot() {
  const [device, setDevice] = useState<DeviceState | null>(null);
  useEffect(() => {
    void loadDeviceState().then(async (state) => {
      await loadCatalogue(state.language);
      setDevice(state);
    });
    void requestPersistentStorage();
    void pruneHistory(Date.now() - HISTORY_KEPT_MS);
  }, []);
  if (!device) return null;
  return <LoadedKiosk initial={device} />;
}

/**
 * Forgets the kiosk's token and what it was told about people (for this kiosk while it is paired, not for whoever
 * holds it next). Punches still in the outbox stay there and are sent after the next pairing.
 */
async function forgetPairing(): Promise<void> {
  await deleteSetting('token');
  await deleteSetting('directory');
  await forgetNames();
}

function LoadedKiosk({ initial }: { initial: DeviceState }) {
  const [device, setDevice] = useState(initial);
  const [punchLanguage, setPunchLanguage] = useState<Language | null>(null);
  const language = punchLanguage ?? device.language;
  useOutboxInvalidation();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const i18n = useMemo<I18n>(
    () => ({
      language,
      defaultLanguage: device.language,
      t: translator(language),
      setLanguage: (next: Language) => {
        void loadCatalogue(next).then(() => {
          setDevice((d) => ({ ...d, language: next }));
          setPunchLanguage(null);
        });
        void writeSetting('language', next);
      },
      setPunchLanguage: (next: Language) => void loadCatalogue(next).then(() => setPunchLanguage(next)),
      resetPunchLanguage: () => setPunchLanguage(null),
    }),
    [language, device.language],
  );
  const onPaired = useCallback(
    ({ token, config }: Paired) =>
      setDevice((d) => ({ ...d, token, config, directory: null, setupReason: null })),
    [],
  );
  const { state: pairing, pair } = usePairing(onPaired, device.token !== null);
  const onRevoked = useCallback(() => {
    setDevice((d) => ({ ...d, token: null, directory: null, setupReason: 'revoked' }));
    void forgetPairing();
    void writeSetting('setupReason', 'revoked');
  }, []);
  const onUnpair = useCallback(() => {
    setDevice((d) => ({ ...d, token: null, config: null, directory: null, setupReason: null }));
    void forgetPairing();
    void deleteSetting('config');
  }, []);
  const onSoundChange = useCallback((sound: boolean) => {
    setDevice((d) => ({ ...d, sound }));
    void writeSetting('sound', sound);
  }, []);

  return (
    <I18nContext value={i18n}>
      {device.token ? (
        <PairedKiosk
          key={device.token}
          token={device.token}
          storedConfig={device.config}
          storedDirectory={device.directory}
          lastSyncAt={device.lastSyncAt}
          sound={device.sound}
          onSoundChange={onSoundChange}
          onRevoked={onRevoked}
          onUnpair={onUnpair}
        />
      ) : (
        <SetupScreen
          pairing={pairing}
          onPair={(code) => void pair(code)}
          revoked={device.setupReason === 'revoked'}
        />
      )}
    </I18nContext>
  );
}
