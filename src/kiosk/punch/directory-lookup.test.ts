import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDENTIFIER_HASH, identifierTag } from '../../../core/identifier-hash';
import type { StoredDirectory } from '../outbox/settings';
import { lookupEmployee } from './directory-lookup';

afterEach(() => vi.restoreAllMocks());

const NOW = Date.parse('2026-02-04T08:01:00+01:00');
const TAGS = { salt: 's4lt', pepper: 'p3pper', iterations: 1_000 };

async function directory(): Promise<StoredDirectory> {
  return {
    fetchedAt: new Date(NOW - 60_000).toISOString(),
    salt: TAGS.salt,
    pepper: TAGS.pepper,
    hash: { name: IDENTIFIER_HASH.name, iterations: TAGS.iterations },
    etag: null,
    receivedAtMs: NOW,
    employees: [{ key: 'k7', badgeHash: await identifierTag('B-7001', TAGS), emailHash: null }],
    inactive: [],
  };
}

describe('lookupEmployee', () => {
  it("matches a person's next scan without deriving the badge's tag again", async () => {
    const cached = await directory();
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    const first = await lookupEmployee(cached, { externalId: 'B-7001' }, NOW);
    const second = await lookupEmployee(cached, { externalId: ' B-7001 ' }, NOW + 8 * 3_600_000);
    expect(first).toEqual({ kind: 'known', employee: cached.employees[0] });
    expect(second).toEqual(first);
    expect(derive).toHaveBeenCalledTimes(1);
  });

  it('derives again under a new directory of other tags', async () => {
    const cached = await directory();
    await lookupEmployee(cached, { externalId: 'B-7002' }, NOW);
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    const renewed = { ...cached, pepper: 'n3w pepper', employees: [] };
    expect(await lookupEmployee(renewed, { externalId: 'B-7002' }, NOW)).toEqual({ kind: 'unknown' });
    expect(derive).toHaveBeenCalledTimes(1);
  });
});
