import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DirectoryEmployee, Ledger } from '../ledger/ledger';
import { asyncOf, memoryLedger } from '../testing/ledger-factories';
import { createDirectory, type DirectoryOptions } from './directory';
import { employee, fakeKenjo } from '../testing/directory-support';

const MIN = 60_000;

let ledger: Ledger;
let clock: number;
const now = () => clock;
beforeEach(() => {
  ledger = memoryLedger();
  clock = 1_000_000;
});
afterEach(() => ledger.close());

function setup(list: DirectoryEmployee[] = [employee()], overrides: Partial<DirectoryOptions> = {}) {
  const kenjo = fakeKenjo(list);
  const directory = createDirectory({ kenjo, ledger: asyncOf(ledger), now, ...overrides });
  return { kenjo, directory };
}

describe('refresh and freshness', () => {
  it('has nothing before the first fetch', () => {
    const { directory } = setup();
    expect(directory.freshness()).toEqual({ fetchedAtMs: null, fresh: false, lastError: null });
    expect(directory.employees()).toEqual([]);
  });

  it('a fetch fills the directory and saves it to the ledger', async () => {
    const { directory } = setup([employee(), employee({ userId: 'u2', email: null })]);
    await directory.refresh();
    expect(directory.freshness()).toEqual({ fetchedAtMs: clock, fresh: true, lastError: null });
    expect(directory.employees().map((e) => e.userId)).toEqual(['u1', 'u2']);
    expect(directory.findByUserId('u2')?.email).toBeNull();
    expect(ledger.loadDirectory()).toEqual({ employees: directory.employees(), fetchedAtMs: clock });
  });

  it.each([
    { ageMs: 15 * MIN, fresh: true },
    { ageMs: 15 * MIN + 1, fresh: false },
  ])('is fresh up to maxAgeMs: $ageMs ms old → $fresh', async ({ ageMs, fresh }) => {
    const { directory } = setup();
    await directory.refresh();
    clock += ageMs;
    expect(directory.freshness().fresh).toBe(fresh);
  });

  it('a failed fetch keeps the previous copy and records the error', async () => {
    const { kenjo, directory } = setup();
    await directory.refresh();
    const fetchedAt = clock;
    kenjo.fail = true;
    clock += MIN;
    await expect(directory.refresh()).rejects.toThrow('Kenjo is down');
    expect(directory.freshness()).toEqual({
      fetchedAtMs: fetchedAt,
      fresh: true,
      lastError: 'Kenjo is down',
    });
    expect(directory.employees()).toHaveLength(1);
    kenjo.fail = false;
    await directory.refresh();
    expect(directory.freshness().lastError).toBeNull();
  });

  it('concurrent refreshes share one fetch', async () => {
    const { kenjo, directory } = setup();
    kenjo.hold = true;
    const both = Promise.all([directory.refresh(), directory.refresh()]);
    kenjo.release();
    await both;
    expect(kenjo.calls).toBe(1);
  });
});

describe('start', () => {
  it('loads the saved copy (Kenjo may be down), then refreshes', async () => {
    ledger.saveDirectory([employee({ userId: 'saved' })], clock - MIN);
    const { kenjo, directory } = setup([employee({ userId: 'fresh' })]);
    kenjo.hold = true;
    await directory.start();
    expect(directory.freshness()).toMatchObject({ fetchedAtMs: clock - MIN, fresh: true });
    expect(await directory.resolve({ userId: 'saved' })).toMatchObject({ kind: 'found' });
    kenjo.release();
    await directory.refresh();
    directory.stop();
    expect(directory.employees().map((e) => e.userId)).toEqual(['fresh']);
  });

  it('refreshes every refreshIntervalMs until stopped', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { kenjo, directory } = setup([employee()], { refreshIntervalMs: 5 * MIN });
      await directory.start();
      expect(kenjo.calls).toBe(1);
      await vi.advanceTimersByTimeAsync(5 * MIN - 1);
      expect(kenjo.calls).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(kenjo.calls).toBe(2);
      await vi.advanceTimersByTimeAsync(5 * MIN);
      expect(kenjo.calls).toBe(3);
      directory.stop();
      await vi.advanceTimersByTimeAsync(20 * MIN);
      expect(kenjo.calls).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts empty and unavailable when nothing was saved and Kenjo is down', async () => {
    const { kenjo, directory } = setup();
    kenjo.fail = true;
    await directory.start();
    directory.stop();
    await expect(directory.refresh()).rejects.toThrow();
    expect(await directory.resolve({ externalId: 'B-1' })).toEqual({ kind: 'unavailable' });
  });
});

describe('resolve', () => {
  const active = employee({ userId: 'u1', externalId: 'B-1' });
  const gone = employee({ userId: 'u2', email: 'gone@demo.example', externalId: 'B-2', isActive: false });

  it.each([
    {
      name: 'an active employee is found',
      ref: { externalId: ' B-1 ' },
      expected: { kind: 'found', employee: active },
    },
    { name: 'by email', ref: { email: 'ANA@demo.example' }, expected: { kind: 'found', employee: active } },
    {
      name: 'an inactive one is inactive',
      ref: { email: 'gone@demo.example' },
      expected: { kind: 'inactive', employee: gone },
    },
    { name: 'an unknown one is unknown', ref: { externalId: 'B-404' }, expected: { kind: 'unknown' } },
  ])('$name', async ({ ref, expected }) => {
    const { directory } = setup([active, gone]);
    await directory.refresh();
    expect(await directory.resolve(ref)).toEqual(expected);
  });

  it('a miss on a fresh directory refreshes once and finds a new employee', async () => {
    const { kenjo, directory } = setup([active]);
    await directory.refresh();
    kenjo.list = [active, employee({ userId: 'u3', externalId: 'B-3' })];
    expect(await directory.resolve({ externalId: 'B-3' })).toMatchObject({ kind: 'found' });
    expect(kenjo.calls).toBe(2);
  });

  it('misses refresh at most once per missRefreshMinIntervalMs', async () => {
    const { kenjo, directory } = setup([active]);
    await directory.refresh();
    expect(await directory.resolve({ externalId: 'B-404' })).toEqual({ kind: 'unknown' });
    clock += 30_000 - 1;
    expect(await directory.resolve({ externalId: 'B-405' })).toEqual({ kind: 'unknown' });
    expect(kenjo.calls).toBe(2);
    clock += 1;
    expect(await directory.resolve({ externalId: 'B-406' })).toEqual({ kind: 'unknown' });
    expect(kenjo.calls).toBe(3);
  });

  it('concurrent misses share one refresh', async () => {
    const { kenjo, directory } = setup([active]);
    await directory.refresh();
    kenjo.hold = true;
    const answers = Promise.all([
      directory.resolve({ externalId: 'X' }),
      directory.resolve({ email: 'y@z.example' }),
    ]);
    await Promise.resolve();
    kenjo.release();
    expect(await answers).toEqual([{ kind: 'unknown' }, { kind: 'unknown' }]);
    expect(kenjo.calls).toBe(2);
  });

  it('a stale directory answers unavailable for a miss, without calling Kenjo', async () => {
    const { kenjo, directory } = setup([active]);
    await directory.refresh();
    clock += 15 * MIN + 1;
    expect(await directory.resolve({ externalId: 'B-404' })).toEqual({ kind: 'unavailable' });
    expect(await directory.resolve({ externalId: 'B-1' })).toMatchObject({ kind: 'found' });
    expect(kenjo.calls).toBe(1);
  });

  it('a miss whose refresh fails is unavailable, not unknown, until a refresh succeeds', async () => {
    const { kenjo, directory } = setup([active]);
    await directory.refresh();
    kenjo.fail = true;
    expect(await directory.resolve({ externalId: 'B-404' })).toEqual({ kind: 'unavailable' });
    expect(await directory.resolve({ externalId: 'B-405' })).toEqual({ kind: 'unavailable' });
    expect(kenjo.calls).toBe(2);
    kenjo.fail = false;
    clock += 30_000;
    expect(await directory.resolve({ externalId: 'B-404' })).toEqual({ kind: 'unknown' });
  });

  it('a never-loaded directory is unavailable', async () => {
    const { kenjo, directory } = setup([active]);
    expect(await directory.resolve({ externalId: 'B-1' })).toEqual({ kind: 'unavailable' });
    expect(kenjo.calls).toBe(0);
  });
});
