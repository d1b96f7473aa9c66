import { describe, expect, it } from 'vitest';
import { messageForms, type Message } from '../../../core/message-format';
import { en } from './en';
import { actionLabel } from '../attention/audit-list';
import { CATALOGUES, translate, type Language } from './i18n';

const placeholders = (message: Message) =>
  [
    ...new Set(messageForms(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))),
  ].sort();
const languages = Object.keys(CATALOGUES) as Language[];

describe('admin catalogues', () => {
  it.each(Object.entries(CATALOGUES))(
    '%s has exactly the English keys, each non-empty',
    (_code, messages) => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const message of Object.values(messages)) {
        for (const text of messageForms(message)) expect(text.trim()).not.toBe('');
      }
    },
  );

  it.each(Object.entries(CATALOGUES))('%s keeps every placeholder of the English text', (_code, messages) => {
    for (const [key, message] of Object.entries(en)) {
      expect([key, placeholders(messages[key as keyof typeof en])]).toEqual([key, placeholders(message)]);
    }
  });

  it.each(languages)('%s: a message with a count has every plural form its counts need', (language) => {
    const rules = new Intl.PluralRules(language);
    const categories = new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)));
    for (const [key, message] of Object.entries(CATALOGUES[language])) {
      if (!placeholders(message).includes('count')) continue;
      expect([key, typeof message]).toEqual([key, 'object']);
      if (typeof message === 'string') continue;
      for (const category of categories)
        expect([key, category, category in message]).toEqual([key, category, true]);
    }
  });

  it.each([
    ['en', 1, 'attention.held', '1 later punch of this employee waits behind this one'],
    ['en', 3, 'attention.held', '3 later punches of this employee wait behind this one'],
    ['de', 1, 'attention.held', '1 spätere Stempelung dieses Mitarbeiters wartet hinter dieser'],
    ['de', 2, 'attention.held', '2 spätere Stempelungen dieses Mitarbeiters warten hinter dieser'],
    ['fr', 0, 'attention.rejectedCount', '0 refusé'],
    ['es', 1, 'attention.failedCount', '1 fallido'],
    ['es', 4, 'attention.failedCount', '4 fallidos'],
  ] as const)('%s, %i: %s picks its form by Intl.PluralRules', (language, count, key, expected) => {
    expect(translate(language, key, { count })).toBe(expected);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'reason.double-scan', { time: '08:01' })).toBe('Already recorded at 08:01');
    expect(translate('en', 'common.page', {})).toBe('Page {n}');
  });
});

describe('audit actions', () => {
  it.each(languages)('%s names every action the proxy records', (language) => {
    const t = (key: keyof typeof en) => translate(language, key);
    const kioskActions = ['create', 'update', 'revoke', 'delete', 'pairing-code', 'opening-hours'];
    for (const action of [...kioskActions, 'settings-pin', 'settings-pin-removed']) {
      expect(actionLabel(`kiosk.${action}`, t)).not.toMatch(/^kiosk\./);
    }
    for (const action of ['retry', 'discard', 'reassign', 'confirm']) {
      expect(actionLabel(`punch.${action}`, t)).not.toMatch(/^punch\./);
    }
    expect(actionLabel('kiosk.teleport', t)).toBe('kiosk.teleport');
  });
});
