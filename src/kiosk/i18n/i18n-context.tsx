import { createContext, useContext } from 'react';
import type { Translate } from './catalogue';
import type { Language } from './languages';

export interface I18n {
  language: Language;
  t: Translate;
  setLanguage: (language: Language) => void;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an I18nContext provider');
  return i18n;
}
