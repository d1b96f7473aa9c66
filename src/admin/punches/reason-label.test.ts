import { describe, expect, it } from 'vitest';
import { doubleScanReason } from '../../../core/double-scan';
import { heldReason } from '../../../core/held-punch';
import { decideOvernight } from '../../../core/overnight';
import {
  arrivalReasons,
  employeeReasons,
  kenjoReasons,
  REASON_CODES,
  type PunchReason,
} from '../../../core/punch-reason';
import { punch, sent } from '../../../core/testing/pairing-cases';
import { CATALOGUES, translate, type Language } from '../i18n/i18n';
import { reasonLabel } from './reason-label';

/** Every reason as the server's own builders make it, so the console reads the parameters they really carry. */
const SERVER_REASONS: PunchReason[] = [
  employeeReasons.unknown({ externalId: 'B-1' }),
  employeeReasons.inactive({ email: 'ana@demo.example' }),
  employeeReasons.unavailable(),
  arrivalReasons.clockAhead(600, 300),
  arrivalReasons.invalid('at must carry an offset'),
  arrivalReasons.tooOld(20, 14),
  doubleScanReason(Date.parse('2026-02-04T07:01:00Z'), 'Europe/Berlin'),
  kenjoReasons.refused(400, 'Employee not found'),
  heldReason('no entry at 08:00'),
  decideOvernight([sent('2026-02-03T22:00:00')], punch('2026-02-04T06:00:00'), 16).reason,
  decideOvernight([], punch('2026-02-04T19:00:00'), 16).reason,
  decideOvernight([], punch('2026-02-04T06:00:00'), 16).reason,
  decideOvernight(
    [sent('2026-02-03T23:00:00', { atMs: punch('2026-02-04T06:00:00').atMs + 1000 })],
    punch('2026-02-04T06:00:00'),
    16,
  ).reason,
  decideOvernight([sent('2026-02-03T08:00:00')], punch('2026-02-04T06:00:00'), 16).reason,
];

const label = (language: Language, reason: PunchReason) =>
  reasonLabel(reason.text, reason, (key, values) => translate(language, key, values), language);

describe('reasonLabel', () => {
  it('covers every code the server gives', () => {
    expect(SERVER_REASONS.map((r) => r.code).sort()).toEqual([...REASON_CODES].sort());
  });

  it.each(Object.keys(CATALOGUES) as Language[])(
    'says every reason in %s, every placeholder filled',
    (language) => {
      for (const reason of SERVER_REASONS) {
        const text = label(language, reason) ?? '';
        expect([reason.code, text]).not.toEqual([
          reason.code,
          expect.stringMatching(/\{\w+\}|undefined|NaN/),
        ]);
        if (language !== 'en') expect([reason.code, text]).not.toEqual([reason.code, reason.text]);
      }
    },
  );

  it.each([
    [0, 'Unbekannter Mitarbeiter: Badge B-1 ist nicht in Kenjo'],
    [6, 'Bereits um 08:01 erfasst'],
    [9, 'Schließt den Eintrag von 22:00 am 3. Feb. nach 8 Std.'],
    [
      5,
      'Die Stempelung war 20 Tage alt, als sie den Server erreichte (mehr als 14 Tage); senden oder verwerfen Sie sie',
    ],
  ])('in German, reason %i reads %j', (index, expected) => {
    expect(label('de', SERVER_REASONS[index] as PunchReason)).toBe(expected);
  });

  it('shows the stored sentence when there is no code (an operator’s words, an older punch)', () => {
    const t = (key: Parameters<typeof translate>[1]) => translate('de', key);
    expect(reasonLabel('after 18:00, so an ordinary punch', null, t, 'de')).toBe(
      'after 18:00, so an ordinary punch',
    );
    expect(reasonLabel(null, null, t, 'de')).toBeNull();
  });
});
