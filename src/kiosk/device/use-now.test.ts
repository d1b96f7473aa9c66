// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { msToNextMinute, useNow } from './use-now';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-02-03T08:01:40.000Z') });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the clock', () => {
  it.each([
    ['at the start of a minute', '2026-02-03T08:01:00.000Z', 60_000],
    ['within a minute', '2026-02-03T08:01:40.250Z', 19_750],
    ['a millisecond before the next', '2026-02-03T08:01:59.999Z', 1],
  ])('waits for the next minute %s', (_, at, ms) => {
    expect(msToNextMinute(Date.parse(at))).toBe(ms);
  });

  it('renders again as each minute begins, not every second', () => {
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useNow();
    });
    expect(result.current).toBe(Date.parse('2026-02-03T08:01:40.000Z'));
    act(() => vi.advanceTimersByTime(19_999));
    expect(renders).toBe(1);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(Date.parse('2026-02-03T08:02:00.000Z'));
    act(() => vi.advanceTimersByTime(60_000));
    expect(result.current).toBe(Date.parse('2026-02-03T08:03:00.000Z'));
    expect(renders).toBe(3);
  });
});
