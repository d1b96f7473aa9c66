import { de } from './de';
import { en, type MessageKey, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';
import type { Language } from './languages';
import { nl } from './nl';

export const CATALOGUE: Record<Language, Messages> = { en, de, es, fr, nl };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. A plural message picks
 * its form for `params.count` by the language's plural rules ("1 punch", "2 punches").
 */
export function translator(language: Language): Translate {
  const messages = CATALOGUE[language];
  const plurals = new Intl.PluralRules(language);
  return (key, params = {}) => {
    const message = messages[key];
    const text =
      typeof message === 'string'
        ? message
        : plurals.select(Number(params.count)) === 'one'
          ? message.one
          : message.other;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}
