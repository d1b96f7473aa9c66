import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, translator } from './catalogue';
import { en, type Message } from './en';
import { LANGUAGES, pickLanguage } from './languages';

const placeholders = (message: Message) => {
  const text = typeof message === 'string' ? message : `${message.one} ${message.other}`;
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
};
const textOf = (message: Message) => (typeof message === 'string' ? message : message.one + message.other);

describe('message catalogue', () => {
  beforeAll(async () => {
    await Promise.all(LANGUAGES.map(loadCatalogue));
  });

  it.each(LANGUAGES)(
    '%s has every key, each non-empty with the same placeholders as English',
    async (language) => {
      const messages = await loadCatalogue(language);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(messages)) {
        expect(textOf(text).trim(), `${language}.${key}`).not.toBe('');
        expect(placeholders(text), `${language}.${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    },
  );

  it.each([
    ['en', 1, '1 punch is kept on this device and will be sent after pairing.'],
    ['en', 2, '2 punches are kept on this device and will be sent after pairing.'],
    ['de', 1, '1 wartet auf diesem Gerät'],
    ['de', 3, '3 warten auf diesem Gerät'],
    ['fr', 0, '0 pointage reste sur cet appareil et sera envoyé après l’appairage.'],
  ] as const)('%s, %i: picks the plural form by Intl.PluralRules', (language, count, expected) => {
    const key = expected.includes('Gerät') ? 'pendingCount' : 'keptOnDevice';
    expect(translator(language)(key, { count }).replace("'", '’')).toBe(expected);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('de');
    expect(t('alreadyRecorded', { time: '08:01' })).toBe('Bereits um 08:01 erfasst');
    expect(t('alreadyRecorded')).toBe('Bereits um {time} erfasst');
  });

  it.each([
    [['de-AT', 'en'], 'de'],
    [['pt-BR', 'nl-BE'], 'nl'],
    [['ES'], 'es'],
    [['ja'], 'en'],
    [[], 'en'],
  ])('picks %j as %s', (preferred, expected) => {
    expect(pickLanguage(preferred)).toBe(expected);
  });
});
