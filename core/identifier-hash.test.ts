import { describe, expect, it } from 'vitest';
import {
  IDENTIFIER_HASH,
  deriveIdentifier,
  normalizedIdentifier,
  openName,
  sealName,
} from './identifier-hash';

describe('identifier secrets', () => {
  it('derive the same tag for the same identifier and salt, another for another salt', async () => {
    const tag = (await deriveIdentifier('B-1042', 'a')).tag;
    expect(tag).toMatch(/^[0-9a-f]{64}$/);
    expect((await deriveIdentifier('B-1042', 'a')).tag).toBe(tag);
    expect((await deriveIdentifier('B-1042', 'b')).tag).not.toBe(tag);
    expect(IDENTIFIER_HASH.iterations).toBeGreaterThanOrEqual(8_000);
  });

  it('open a name only with the secret of the identifier it was sealed for', async () => {
    const ada = await deriveIdentifier('B-1001', 'salt');
    const guess = await deriveIdentifier('B-1002', 'salt');
    const sealed = await sealName('Ada Lovelace', ada.key);
    expect(sealed).not.toContain('Ada');
    expect(await openName(sealed, ada.key)).toBe('Ada Lovelace');
    expect(await openName(sealed, guess.key)).toBeNull();
  });

  it.each([
    ['badge', ' B-1042 ', 'B-1042'],
    ['email', ' Ada@Demo.Example ', 'ada@demo.example'],
  ] as const)('reads a %s %j as %j', (kind, value, normalized) => {
    expect(normalizedIdentifier(kind, value)).toBe(normalized);
  });
});
