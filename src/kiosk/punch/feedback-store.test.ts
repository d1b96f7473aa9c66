import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFeedbackStore, FEEDBACK_MS } from './feedback-store';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the answer on screen', () => {
  it('clears itself after FEEDBACK_MS, and a new answer starts the time again', () => {
    const store = createFeedbackStore();
    store.show({ kind: 'empty', seq: 1 });
    vi.advanceTimersByTime(FEEDBACK_MS - 1);
    store.show({ kind: 'empty', seq: 2 });
    vi.advanceTimersByTime(FEEDBACK_MS - 1);
    expect(store.current()?.seq).toBe(2);
    vi.advanceTimersByTime(1);
    expect(store.current()).toBeNull();
  });

  it('tells its subscribers of each change, and a dismissal of nothing changes nothing', () => {
    const store = createFeedbackStore();
    const seen: Array<number | null> = [];
    const stop = store.subscribe(() => seen.push(store.current()?.seq ?? null));
    store.show({ kind: 'save-failed', seq: 7 });
    store.dismiss();
    store.dismiss();
    stop();
    store.show({ kind: 'save-failed', seq: 8 });
    expect(seen).toEqual([7, null]);
  });
});
