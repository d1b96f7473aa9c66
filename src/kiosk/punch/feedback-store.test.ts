import { describe, expect, it } from 'vitest';
import { createFeedbackStore, FEEDBACK_MS } from './feedback-store';

/** A clock the test moves by hand. */
function manualClock() {
  let nowMs = 0;
  const timers: Array<{ atMs: number; run: () => void; live: boolean }> = [];
  return {
    schedule(run: () => void, ms: number) {
      const timer = { atMs: nowMs + ms, run, live: true };
      timers.push(timer);
      return () => {
        timer.live = false;
      };
    },
    advance(ms: number) {
      nowMs += ms;
      for (const timer of timers.filter((t) => t.live && t.atMs <= nowMs)) {
        timer.live = false;
        timer.run();
      }
    },
  };
}

describe('the answer on screen', () => {
  it('clears itself after FEEDBACK_MS, and a new answer starts the time again', () => {
    const clock = manualClock();
    const store = createFeedbackStore(clock.schedule);
    store.show({ kind: 'empty', seq: 1 });
    clock.advance(FEEDBACK_MS - 1);
    store.show({ kind: 'empty', seq: 2 });
    clock.advance(FEEDBACK_MS - 1);
    expect(store.current()?.seq).toBe(2);
    clock.advance(1);
    expect(store.current()).toBeNull();
  });

  it('tells its subscribers of each change, and a dismissal of nothing changes nothing', () => {
    const store = createFeedbackStore(manualClock().schedule);
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
