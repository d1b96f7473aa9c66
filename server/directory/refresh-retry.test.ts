import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRefreshRetry, retryDelayMs } from './refresh-retry';

const S = 1_000;

describe('retryDelayMs', () => {
  it.each([
    { attempt: 0, random: 0, delayMs: 1 * S },
    { attempt: 1, random: 0, delayMs: 2 * S },
    { attempt: 4, random: 0, delayMs: 16 * S },
    { attempt: 5, random: 0, delayMs: 30 * S },
    { attempt: 60, random: 0, delayMs: 30 * S },
    { attempt: 0, random: 0.5, delayMs: 750 },
    { attempt: 5, random: 0.999_999, delayMs: 15 * S },
  ])('attempt $attempt with random() = $random waits $delayMs ms', ({ attempt, random, delayMs }) => {
    expect(retryDelayMs(attempt, () => random, S, 30 * S)).toBe(delayMs);
  });
});

describe('createRefreshRetry', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  function setup() {
    const runs: number[] = [];
    const retry = createRefreshRetry({
      run: async () => {
        runs.push(Date.now());
      },
      random: () => 0,
      baseMs: S,
      maxMs: 30 * S,
    });
    return { runs, retry };
  }

  it('keeps one retry pending at a time and doubles the wait per retry until reset', async () => {
    vi.useFakeTimers({ now: 0 });
    const { runs, retry } = setup();
    expect(retry.schedule()).toBe(1 * S);
    expect(retry.schedule()).toBeNull();
    await vi.advanceTimersByTimeAsync(1 * S);
    expect(retry.schedule()).toBe(2 * S);
    await vi.advanceTimersByTimeAsync(2 * S);
    expect(runs).toEqual([1 * S, 3 * S]);
    retry.reset();
    expect(retry.schedule()).toBe(1 * S);
  });

  it('reset cancels the pending retry', async () => {
    vi.useFakeTimers({ now: 0 });
    const { runs, retry } = setup();
    retry.schedule();
    retry.reset();
    await vi.advanceTimersByTimeAsync(60 * S);
    expect(runs).toEqual([]);
  });

  it('does not keep the process alive', () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const { retry } = setup();
    retry.schedule();
    try {
      const timer = setTimeoutSpy.mock.results[0]?.value as NodeJS.Timeout;
      expect(timer.hasRef()).toBe(false);
    } finally {
      retry.reset();
    }
  });
});
