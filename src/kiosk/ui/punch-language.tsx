import { useI18n } from '../i18n/i18n-context';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/languages';

/**
 * Lets the person at the kiosk read this punch in their language; the kiosk goes back to its default language
 * once their answer has been shown (see `PairedKiosk`).
 */
export function PunchLanguage() {
  const { t, language, setPunchLanguage } = useI18n();
  return (
    <nav className="punch-language" aria-label={t('punchLanguage')}>
      <ul>
        {LANGUAGES.map((code) => (
          <li key={code}>
            <button
              type="button"
              lang={code}
              aria-pressed={code === language}
              onClick={(event) => {
                setPunchLanguage(code);
                // Give the page-wide badge reader its keys back.
                event.currentTarget.blur();
              }}
            >
              {LANGUAGE_NAMES[code]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
