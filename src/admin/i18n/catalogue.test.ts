import { describe, expect, it } from 'vitest';
import { en } from './en';
import { actionLabel } from '../attention/audit-list';
import { CATALOGUES, translate } from './i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('admin catalogues', () => {
  it.each(Object.entries(CATALOGUES))(
    '%s has exactly the English keys, each non-empty',
    (_code, messages) => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const text of Object.values(messages)) expect(text.trim()).not.toBe('');
    },
  );

  it.each(Object.entries(CATALOGUES))('%s keeps every placeholder of the English text', (_code, messages) => {
    for (const [key, text] of Object.entries(en)) {
      expect([key, placeholders(messages[key as keyof typeof en])]).toEqual([key, placeholders(text)]);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(en, 'attention.summary', { failed: 2, rejected: 0 })).toBe('2 failed, 0 rejected');
    expect(translate(en, 'common.page', {})).toBe('Page {n}');
  });
});

describe('audit actions', () => {
  it.each(Object.entries(CATALOGUES))('%s names every action the proxy records', (_code, messages) => {
    const t = (key: keyof typeof en) => translate(messages, key);
    for (const action of ['create', 'update', 'revoke', 'pairing-code']) {
      expect(actionLabel(`kiosk.${action}`, t)).not.toMatch(/^kiosk\./);
    }
    for (const action of ['retry', 'discard', 'reassign']) {
      expect(actionLabel(`punch.${action}`, t)).not.toMatch(/^punch\./);
    }
    expect(actionLabel('kiosk.teleport', t)).toBe('kiosk.teleport');
  });
});
