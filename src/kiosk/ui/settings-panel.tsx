import { useState, useSyncExternalStore } from 'react';
import { parseSettingsLock } from '../../../core/settings-pin';
import { useI18n } from '../i18n/i18n-context';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '../i18n/languages';
import { SettingsPinForm } from './settings-pin-form';
import { UnpairButton } from './unpair-button';

function subscribeFullscreen(onChange: () => void) {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

export interface SettingsPanelProps {
  sound: boolean;
  onSoundChange: (on: boolean) => void;
  /** The settings PIN's lock as the server sent it; none when no PIN is set. */
  lock: unknown;
  onUnpair: () => void;
}

/**
 * The open settings panel: first the PIN when one is set, then default language, sound, full screen and, behind a
 * PIN only, unpairing. It is mounted only while the panel is open, so closing it locks it again.
 */
export function SettingsPanel({ sound, onSoundChange, lock: sent, onUnpair }: SettingsPanelProps) {
  const { t, defaultLanguage, setLanguage } = useI18n();
  const fullscreen = useSyncExternalStore(subscribeFullscreen, () => document.fullscreenElement !== null);
  const lock = parseSettingsLock(sent);
  const [unlockedBy, setUnlockedBy] = useState<string | null>(null);
  // A new PIN from the console locks again what the old one opened.
  if (lock !== null && unlockedBy !== lock.hash) {
    return <SettingsPinForm lock={lock} onUnlocked={() => setUnlockedBy(lock.hash)} />;
  }
  return (
    <div className="toolbar">
      <label className="language">
        <span>{t('defaultLanguage')}</span>
        <select
          value={defaultLanguage}
          onChange={(event) => {
            if (isLanguage(event.target.value)) setLanguage(event.target.value);
            event.target.blur();
          }}
        >
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" aria-pressed={sound} onClick={() => onSoundChange(!sound)}>
        {t('sound')}
      </button>
      {document.fullscreenEnabled && (
        <button
          type="button"
          onClick={() =>
            void (fullscreen ? document.exitFullscreen() : document.documentElement.requestFullscreen())
          }
        >
          {fullscreen ? t('exitFullscreen') : t('fullscreen')}
        </button>
      )}
      {lock && <UnpairButton onUnpair={onUnpair} />}
    </div>
  );
}
