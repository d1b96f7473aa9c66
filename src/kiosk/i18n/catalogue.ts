/**
 * The kiosk's messages. English is part of the first download; the other languages are separate files fetched
 * when first needed (the service worker precaches them, so they are there offline too), which keeps what the
 * kiosk downloads before its idle screen small.
 */
import { formatMessage } from '../../../core/message-format';
import { en, type MessageKey, type Messages } from './en';
import type { Language } from './languages';

const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Messages>> = {
  de: () => import('./de').then((m) => m.de),
  es: () => import('./es').then((m) => m.es),
  fr: () => import('./fr').then((m) => m.fr),
  nl: () => import('./nl').then((m) => m.nl),
};

const loaded = new Map<Language, Messages>([['en', en]]);

/** Resolves once `language`'s messages are available to `translator`. */
export async function loadCatalogue(language: Language): Promise<Messages> {
  const known = loaded.get(language);
  if (known) return known;
  const messages = await LOADERS[language as Exclude<Language, 'en'>]();
  loaded.set(language, messages);
  return messages;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. A plural message picks
 * its form for `params.count` by the language's plural rules ("1 punch", "2 punches"). A language not loaded yet
 * speaks English.
 */
export function translator(language: Language): Translate {
  const messages = loaded.get(language) ?? en;
  const plurals = new Intl.PluralRules(loaded.has(language) ? language : 'en');
  return (key, params = {}) => formatMessage(messages[key], params, plurals);
}
