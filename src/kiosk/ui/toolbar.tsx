import { useState, useSyncExternalStore } from 'react';
import type { SettingsLock } from '../../../core/settings-pin';
import { useI18n } from '../i18n/i18n-context';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '../i18n/languages';
import { SettingsPinForm } from './settings-pin-form';
import { UnpairButton } from './unpair-button';

function subscribeFullscreen(onChange: () => void) {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

interface Props {
  sound: boolean;
  onSoundChange: (on: boolean) => void;
  /** The settings PIN's lock from the server; null when no PIN is set. */
  lock: SettingsLock | null;
  onUnpair: () => void;
}

/**
 * The device settings a manager touches (default language, sound, full screen, unpairing), remembered on the device
 * and kept behind one small button so the employee's screen stays clear. With a settings PIN set in the console
 * they open only with it, and close again (locked) with the panel; unpairing is offered only behind a PIN.
 */
export function Toolbar({ sound, onSoundChange, lock, onUnpair }: Props) {
  const { t, defaultLanguage, setLanguage } = useI18n();
  const fullscreen = useSyncExternalStore(subscribeFullscreen, () => document.fullscreenElement !== null);
  const [open, setOpen] = useState(false);
  const [unlockedBy, setUnlockedBy] = useState<string | null>(null);
  // A new PIN from the console locks again what the old one opened.
  const unlocked = lock === null || unlockedBy === lock.hash;

  return (
    <details
      className="settings"
      open={open}
      onToggle={(event) => {
        const nowOpen = event.currentTarget.open;
        setOpen(nowOpen);
        if (!nowOpen) setUnlockedBy(null);
      }}
    >
      <summary>
        <span className="settings-label">{t('settings')}</span>
      </summary>
      {open && !unlocked && lock && (
        <SettingsPinForm lock={lock} onUnlocked={() => setUnlockedBy(lock.hash)} />
      )}
      {open && unlocked && (
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
      )}
    </details>
  );
}
