import { describe, expect, it } from 'vitest';
import { IDENTIFIER_HASH, hashIdentifier, normalizedIdentifier } from './identifier-hash';

describe('hashIdentifier', () => {
  it('is PBKDF2-SHA256 of the identifier with the salt: the known answer of OpenSSL for 8,000 iterations', async () => {
    expect(IDENTIFIER_HASH.iterations).toBe(8_000);
    expect(await hashIdentifier('B-1042', 'salt-1')).toBe(
      '7d45e4f8f1fa53e16fd611dcfa209ce52e283a9556641062448612f996109e95',
    );
  });

  it("differs per salt, so one installation's directory says nothing about another's", async () => {
    expect(await hashIdentifier('B-1042', 'a')).not.toBe(await hashIdentifier('B-1042', 'b'));
  });

  it.each([
    ['badge', ' B-1042 ', 'B-1042'],
    ['email', ' Ada@Demo.Example ', 'ada@demo.example'],
  ] as const)('reads a %s %j as %j', (kind, value, normalized) => {
    expect(normalizedIdentifier(kind, value)).toBe(normalized);
  });
});
