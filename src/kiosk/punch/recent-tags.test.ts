import { describe, expect, it, vi } from 'vitest';
import type { TagParameters } from '../../../core/identifier-hash';
import { createRecentTags } from './recent-tags';

const parameters = (overrides: Partial<TagParameters> = {}): TagParameters => ({
  salt: 'salt',
  pepper: 'pepper',
  iterations: 1_000,
  ...overrides,
});

/** A stand-in for the slow derivation that says what it was asked. */
const deriver = () =>
  vi.fn((normalized: string, p: TagParameters) =>
    Promise.resolve(`${p.salt}/${p.pepper}/${p.iterations}/${normalized}`),
  );

describe('recent tags', () => {
  it('derive an identifier once, and give the same tag at its next scan', async () => {
    const derive = deriver();
    const tags = createRecentTags(derive);
    const first = await tags.tag('B-1042', parameters());
    expect(await tags.tag('B-1042', parameters())).toBe(first);
    expect(derive).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['another identifier', 'B-1043', parameters()],
    ['another salt', 'B-1042', parameters({ salt: 'other' })],
    ['another pepper', 'B-1042', parameters({ pepper: 'other kiosk' })],
    ['other rounds', 'B-1042', parameters({ iterations: 2_000 })],
  ])('derive again for %s', async (_, normalized, changed) => {
    const derive = deriver();
    const tags = createRecentTags(derive);
    await tags.tag('B-1042', parameters());
    expect(await tags.tag(normalized, changed)).toBe(
      `${changed.salt}/${changed.pepper}/${changed.iterations}/${normalized}`,
    );
    expect(derive).toHaveBeenCalledTimes(2);
  });

  it('forget the one used longest ago beyond their limit', async () => {
    const derive = deriver();
    const tags = createRecentTags(derive, 2);
    await tags.tag('a', parameters());
    await tags.tag('b', parameters());
    await tags.tag('a', parameters());
    await tags.tag('c', parameters());
    derive.mockClear();
    await tags.tag('a', parameters());
    await tags.tag('c', parameters());
    expect(derive).not.toHaveBeenCalled();
    await tags.tag('b', parameters());
    expect(derive).toHaveBeenCalledTimes(1);
  });

  it('derive again after a derivation failed', async () => {
    const derive = deriver().mockRejectedValueOnce(new Error('no crypto'));
    const tags = createRecentTags(derive);
    await expect(tags.tag('B-1042', parameters())).rejects.toThrow('no crypto');
    expect(await tags.tag('B-1042', parameters())).toBe('salt/pepper/1000/B-1042');
    expect(derive).toHaveBeenCalledTimes(2);
  });
});
