import { describe, expect, it } from 'vitest';
import { CATALOGUE, translator } from './catalogue';
import { en } from './en';
import { LANGUAGES, pickLanguage } from './languages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  it.each(LANGUAGES)('%s has every key, each non-empty with the same placeholders as English', (language) => {
    const messages = CATALOGUE[language];
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(messages)) {
      expect(text.trim(), `${language}.${key}`).not.toBe('');
      expect(placeholders(text), `${language}.${key}`).toEqual(placeholders(en[key as keyof typeof en]));
    }
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
