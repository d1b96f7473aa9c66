import { de } from './de';
import { en, type MessageKey, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';
import type { Language } from './languages';
import { nl } from './nl';

export const CATALOGUE: Record<Language, Messages> = { en, de, es, fr, nl };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function translator(language: Language): Translate {
  const messages = CATALOGUE[language];
  return (key, params = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}
