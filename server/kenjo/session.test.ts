import { describe, expect, it } from 'vitest';
import { renewAtMs } from './session';

const NOW_MS = Date.parse('2026-02-04T06:00:00Z');

describe('renewAtMs', () => {
  it.each([
    ['48 h: one minute early', '2026-02-06T06:00:00.000Z', Date.parse('2026-02-06T05:59:00Z')],
    ['2 s: a tenth of the lifetime early', '2026-02-04T06:00:02.000Z', NOW_MS + 1_800],
    ['missing: until a 401', undefined, Number.POSITIVE_INFINITY],
    ['unreadable: until a 401', 'tomorrow', Number.POSITIVE_INFINITY],
    ['already past by our clock (skew): until a 401', '2026-02-04T05:00:00.000Z', Number.POSITIVE_INFINITY],
  ])('%s', (_label, expiresAfter, expected) => {
    expect(renewAtMs(expiresAfter, NOW_MS)).toBe(expected);
  });
});
