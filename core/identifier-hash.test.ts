import { describe, expect, it } from 'vitest';
import {
  IDENTIFIER_HASH,
  identifierTag,
  normalizedIdentifier,
  pepperedTag,
  slowDigest,
} from './identifier-hash';

const FEW = 1_000;
const params = (overrides: Partial<{ salt: string; pepper: string; iterations: number }> = {}) => ({
  salt: 'salt',
  pepper: 'pepper',
  iterations: FEW,
  ...overrides,
});

describe('identifier tags', () => {
  it('are one slow PBKDF2-SHA256 derivation per guess, with six times the 8,000 rounds of before', () => {
    expect(IDENTIFIER_HASH.name).toBe('PBKDF2-SHA256/HMAC-SHA256');
    expect(IDENTIFIER_HASH.iterations).toBeGreaterThanOrEqual(50_000);
  });

  it('are the same for the same identifier, salt and pepper, and another for another salt or pepper', async () => {
    const tag = await identifierTag('B-1042', params());
    expect(tag).toMatch(/^[0-9a-f]{64}$/);
    expect(await identifierTag('B-1042', params())).toBe(tag);
    expect(await identifierTag('B-1042', params({ salt: 'other' }))).not.toBe(tag);
    expect(await identifierTag('B-1042', params({ pepper: 'other kiosk' }))).not.toBe(tag);
    expect(await identifierTag('B-1042', params({ iterations: FEW + 1 }))).not.toBe(tag);
    expect(await identifierTag('B-1043', params())).not.toBe(tag);
  });

  it('are the slow digest, the same for every kiosk, peppered per kiosk', async () => {
    const slow = await slowDigest('B-1042', 'salt', FEW);
    expect(slow.byteLength).toBe(32);
    expect(await pepperedTag(slow, 'pepper')).toBe(await identifierTag('B-1042', params()));
  });

  it.each([
    ['badge', ' B-1042 ', 'B-1042'],
    ['email', ' Ada@Demo.Example ', 'ada@demo.example'],
  ] as const)('reads a %s %j as %j', (kind, value, normalized) => {
    expect(normalizedIdentifier(kind, value)).toBe(normalized);
  });
});
