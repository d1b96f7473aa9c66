/**
 * The console's languages: a typed catalogue per language (English is the reference), the chosen one kept in
 * localStorage and mirrored on `<html lang>`, and `t(key, values)` picking the plural form for `values.count` and
 * filling `{name}` placeholders (`core/message-format.ts`, shared with the kiosk).
 */
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatMessage } from '../../../core/message-format';
import { de } from './de';
import { en, type MessageKey, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';
import { nl } from './nl';

export const LANGUAGES = {
  en: 'English',
  de: 'Deutsch',
  es: 'Español',
  fr: 'Français',
  nl: 'Nederlands',
} as const;
export type Language = keyof typeof LANGUAGES;
export const CATALOGUES: Record<Language, Messages> = { en, de, es, fr, nl };

const STORAGE_KEY = 'admin.language';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translate(
  language: Language,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  return formatMessage(CATALOGUES[language][key], values, new Intl.PluralRules(language));
}

function isLanguage(value: string | null): value is Language {
  return value !== null && value in LANGUAGES;
}

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = typeof navigator === 'undefined' ? 'en' : navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key, values) => translate(language, key, values) }),
    [language, setLanguage],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = use(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

export function LanguageSwitcher() {
  const { language, setLanguage, t } = useI18n();
  return (
    <label className="inline-field">
      {t('lang.label')}
      <select value={language} onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}>
        {Object.entries(LANGUAGES).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
