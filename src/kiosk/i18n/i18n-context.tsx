import { createContext, useContext } from 'react';
import type { Translate } from './catalogue';
import type { Language } from './languages';

export interface I18n {
  /** The language on screen now: the person's choice for their punch, else the kiosk's default. */
  language: Language;
  defaultLanguage: Language;
  t: Translate;
  /** The kiosk's default language, remembered on the device. */
  setLanguage: (language: Language) => void;
  /** One person's language, until `resetPunchLanguage`. */
  setPunchLanguage: (language: Language) => void;
  resetPunchLanguage: () => void;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an I18nContext provider');
  return i18n;
}
