import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../ledger/ledger';
import { asyncOf, memoryLedger } from '../testing/ledger-factories';
import { createDirectory } from './directory';
import { employee, fakeKenjo } from '../testing/directory-support';

const S = 1_000;
const MIN = 60 * S;
const START_MS = 1_000_000_000;

let ledger: Ledger;
beforeEach(() => {
  vi.useFakeTimers({ now: START_MS });
  ledger = memoryLedger();
});
afterEach(() => {
  ledger.close();
  vi.useRealTimers();
});

/** Started on the fake clock with 5-minute refreshes, a 15-minute max age, no jitter; Kenjo failing. */
async function startFailing(savedAgeMs: number | null = null) {
  if (savedAgeMs !== null) ledger.saveDirectory([employee()], START_MS - savedAgeMs);
  const kenjo = fakeKenjo([employee()]);
  kenjo.fail = true;
  const directory = createDirectory({
    kenjo,
    ledger: asyncOf(ledger),
    now: () => Date.now(),
    refreshIntervalMs: 5 * MIN,
    maxAgeMs: 15 * MIN,
    random: () => 0,
  });
  await directory.start();
  const gapsMs = () => kenjo.callTimes.slice(1).map((atMs, i) => atMs - (kenjo.callTimes[i] ?? 0));
  return { kenjo, directory, gapsMs };
}

describe('retries after a failed refresh', () => {
  afterEach(() => vi.clearAllTimers());

  it('without a copy, retries from 1 s doubling to 30 s', async () => {
    const { kenjo, gapsMs } = await startFailing();
    await vi.advanceTimersByTimeAsync(1 * S - 1);
    expect(kenjo.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(kenjo.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(2 * MIN);
    expect(gapsMs().slice(0, 7)).toEqual([1, 2, 4, 8, 16, 30, 30].map((s) => s * S));
  });

  it('loads as soon as Kenjo answers, then keeps to the schedule', async () => {
    const { kenjo, directory } = await startFailing();
    await vi.advanceTimersByTimeAsync(1 * S + 2 * S);
    expect(kenjo.calls).toBe(3);
    kenjo.fail = false;
    await vi.advanceTimersByTimeAsync(4 * S);
    expect(kenjo.calls).toBe(4);
    expect(directory.freshness()).toEqual({ fetchedAtMs: START_MS + 7 * S, fresh: true, lastError: null });
    expect(await directory.resolve({ externalId: 'B-1' })).toMatchObject({ kind: 'found' });
    await vi.advanceTimersByTimeAsync(5 * MIN - 7 * S - 1);
    expect(kenjo.calls).toBe(4);
  });

  it('after a success, the next failures back off from 1 s again', async () => {
    const { kenjo, gapsMs } = await startFailing();
    await vi.advanceTimersByTimeAsync(3 * S);
    kenjo.fail = false;
    await vi.advanceTimersByTimeAsync(4 * S);
    kenjo.fail = true;
    await vi.advanceTimersByTimeAsync(20 * MIN);
    const afterSuccess = gapsMs().slice(3);
    expect(afterSuccess.slice(0, 4)).toEqual([5 * MIN - 7 * S, 5 * MIN, 5 * MIN, 1 * S]);
  });

  // Without a usable copy, retries come at 1, 3, 7, 15, 31 s and then every 30 s: 13 of them before 5 min.
  it.each([
    { name: 'a fresh copy waits for the schedule', savedAgeMs: 1 * MIN, calls: 1 },
    { name: 'a copy stale before the next refresh retries', savedAgeMs: 11 * MIN, calls: 14 },
    { name: 'a stale copy retries', savedAgeMs: 20 * MIN, calls: 14 },
    { name: 'no copy retries', savedAgeMs: null, calls: 14 },
  ])('$name: $calls calls in the first 5 minutes', async ({ savedAgeMs, calls }) => {
    const { kenjo } = await startFailing(savedAgeMs);
    await vi.advanceTimersByTimeAsync(5 * MIN - 1);
    expect(kenjo.calls).toBe(calls);
  });

  it('stop() ends the retries, and a refresh failing after stop arms none', async () => {
    const { kenjo, directory } = await startFailing();
    await vi.advanceTimersByTimeAsync(1 * S);
    expect(kenjo.calls).toBe(2);
    directory.stop();
    await expect(directory.refresh()).rejects.toThrow('Kenjo is down');
    await vi.advanceTimersByTimeAsync(60 * MIN);
    expect(kenjo.calls).toBe(3);
  });
});
