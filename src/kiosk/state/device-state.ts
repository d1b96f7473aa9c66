/** What the kiosk knows at start, before any network: everything comes from IndexedDB. */
import { isTimeZone } from '../../../core/calendar';
import type { KioskConfig } from '../api/types';
import { pickLanguage, isLanguage, type Language } from '../i18n/languages';
import { readSetting, type Settings, type StoredDirectory } from '../outbox/settings';

export interface DeviceState {
  token: string | null;
  config: KioskConfig | null;
  directory: StoredDirectory | null;
  lastSyncAt: string | null;
  language: Language;
  sound: boolean;
  setupReason: Settings['setupReason'] | null;
}

export async function loadDeviceState(): Promise<DeviceState> {
  const [token, config, directory, lastSyncAt, language, sound, setupReason] = await Promise.all([
    readSetting('token'),
    readSetting('config'),
    readSetting('directory'),
    readSetting('lastSyncAt'),
    readSetting('language'),
    readSetting('sound'),
    readSetting('setupReason'),
  ]);
  return {
    token: token ?? null,
    config: config ?? null,
    directory: directory ?? null,
    lastSyncAt: lastSyncAt ?? null,
    language: isLanguage(language) ? language : pickLanguage(navigator.languages),
    sound: sound ?? false,
    setupReason: setupReason ?? null,
  };
}

/** The zone punches are stamped in: the kiosk's configured zone when this browser knows it, else the device's. */
export function kioskTimeZone(config: KioskConfig | null): string {
  // Asked on every render of the punch screen: the check of a zone is remembered, not an `Intl` object built anew.
  if (config?.timeZone && isTimeZone(config.timeZone)) return config.timeZone;
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
