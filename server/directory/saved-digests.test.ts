import { describe, expect, it } from 'vitest';
import { DIRECTORY_DIGESTS_SETTING, saveSlowDigests, savedSlowDigests } from './saved-digests';

const FEW = 1_000;
const IDS = ['B-1001', 'ada@demo.example', 'B-1002'];

function settings() {
  const values = new Map<string, string>();
  return {
    values,
    getSetting: async (key: string) => values.get(key) ?? null,
    setSetting: async (key: string, value: string) => void values.set(key, value),
  };
}

const hexOf = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('hex');

describe('slow digests saved in the ledger', () => {
  it('spare the next process every derivation, and give the same bytes', async () => {
    const ledger = settings();
    const first = await savedSlowDigests(ledger, 'secret', 'salt', FEW);
    const before = await Promise.all(IDS.map((id) => first.digest(id)));
    expect(first.derived()).toBe(3);
    await saveSlowDigests(ledger, 'secret', 'salt', first);

    const next = await savedSlowDigests(ledger, 'secret', 'salt', FEW);
    const after = await Promise.all(IDS.map((id) => next.digest(id)));
    expect(next.derived()).toBe(0);
    expect(after.map(hexOf)).toEqual(before.map(hexOf));
    await next.digest('B-2000');
    expect(next.derived()).toBe(1);
  });

  it('name nobody: the setting holds no identifier', async () => {
    const ledger = settings();
    const digests = await savedSlowDigests(ledger, 'secret', 'salt', FEW);
    await Promise.all(IDS.map((id) => digests.digest(id)));
    await saveSlowDigests(ledger, 'secret', 'salt', digests);
    const text = ledger.values.get(DIRECTORY_DIGESTS_SETTING) ?? '';
    expect(Object.keys((JSON.parse(text) as { digests: object }).digests)).toHaveLength(3);
    expect(text).not.toMatch(/B-100|ada@|demo/);
  });

  it.each([
    ['another salt', 'secret', 'salt2', FEW],
    ['another iteration count', 'secret', 'salt', FEW + 1],
    ['another secret', 'secret2', 'salt', FEW],
  ])('are not used under %s', async (_what, secret, salt, iterations) => {
    const ledger = settings();
    const digests = await savedSlowDigests(ledger, 'secret', 'salt', FEW);
    await digests.digest('B-1001');
    await saveSlowDigests(ledger, 'secret', 'salt', digests);
    const other = await savedSlowDigests(ledger, secret, salt, iterations);
    await other.digest('B-1001');
    expect(other.derived()).toBe(1);
  });

  it('start from nothing when the setting is unreadable', async () => {
    const ledger = settings();
    await ledger.setSetting(DIRECTORY_DIGESTS_SETTING, '{not json');
    const digests = await savedSlowDigests(ledger, 'secret', 'salt', FEW);
    await digests.digest('B-1001');
    expect(digests.derived()).toBe(1);
  });
});
