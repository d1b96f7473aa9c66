import { useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '../i18n/languages';

function subscribeFullscreen(onChange: () => void) {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

interface Props {
  sound: boolean;
  onSoundChange: (on: boolean) => void;
}

/**
 * The device settings a manager touches (default language, sound, full screen), remembered on the device and kept
 * behind one small button so the employee's screen stays clear.
 */
export function Toolbar({ sound, onSoundChange }: Props) {
  const { t, defaultLanguage, setLanguage } = useI18n();
  const fullscreen = useSyncExternalStore(subscribeFullscreen, () => document.fullscreenElement !== null);

  return (
    <details className="settings">
      <summary>
        <span className="settings-label">{t('settings')}</span>
      </summary>
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
      </div>
    </details>
  );
}
