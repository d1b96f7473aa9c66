import { describe, expect, it } from 'vitest';
import {
  PAIRING_CODE_ALPHABET,
  PAIRING_CODE_LENGTH,
  bearerToken,
  constantTimeEqual,
  hashToken,
  newKioskToken,
  newPairingCode,
  normalizePairingCode,
} from './tokens';

describe('kiosk credentials', () => {
  it('makes 32-byte base64url tokens, all different', () => {
    const tokens = new Set(Array.from({ length: 50 }, newKioskToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('stores a token as its SHA-256 in hex', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('makes pairing codes of 8 unambiguous characters', () => {
    for (let i = 0; i < 50; i += 1) {
      const code = newPairingCode();
      expect(code).toHaveLength(PAIRING_CODE_LENGTH);
      expect([...code].every((c) => PAIRING_CODE_ALPHABET.includes(c))).toBe(true);
    }
    expect(PAIRING_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it.each([
    ['abcd-efgh', 'ABCDEFGH'],
    [' ABCD EFGH ', 'ABCDEFGH'],
    ['ABCDEFGH', 'ABCDEFGH'],
  ])('reads the typed code %j as %j', (typed, stored) => {
    expect(normalizePairingCode(typed)).toBe(stored);
  });

  it.each([
    [undefined, null],
    ['', null],
    ['Basic abc', null],
    ['Bearer', null],
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['Bearer abc def', null],
  ])('reads %j as the bearer credential %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('constantTimeEqual', () => {
  it.each([
    ['a', 'a', true],
    ['a', 'b', false],
    ['a', 'aa', false],
    ['', '', true],
  ])('%j vs %j → %s', (a, b, equal) => {
    expect(constantTimeEqual(a, b)).toBe(equal);
  });
});
