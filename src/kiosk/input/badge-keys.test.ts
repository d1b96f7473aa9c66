import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_MAX_PAUSE_MS } from './badge-buffer';
import { createBadgeKeys } from './badge-keys';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A hold that records when it was taken and released, and what the scan saw. */
function recorder() {
  const events: string[] = [];
  const hold = () => {
    events.push('hold');
    return () => events.push('release');
  };
  const keys = createBadgeKeys((badge) => events.push(`scan ${badge}`), hold);
  let timeMs = 1_000;
  const type = (text: string, gapMs = 5) => {
    for (const key of text === 'Enter' ? ['Enter'] : [...text]) {
      timeMs += gapMs;
      vi.advanceTimersByTime(gapMs);
      keys.handleKey({ key, timeMs, inTextField: false });
    }
  };
  return { events, keys, type };
}

describe('badge keys', () => {
  it("hold other work from a scan's first key, and release it once the scan took its own", () => {
    const { events, type } = recorder();
    type('B');
    expect(events).toEqual(['hold']);
    type('-1001');
    expect(events).toEqual(['hold']);
    type('Enter');
    expect(events).toEqual(['hold', 'scan B-1001', 'release']);
  });

  it('release the hold when the keys stop without an Enter', () => {
    const { events, type } = recorder();
    type('B-10');
    vi.advanceTimersByTime(BADGE_MAX_PAUSE_MS - 1);
    expect(events).toEqual(['hold']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['hold', 'release']);
  });

  it('take no hold for Enter alone, and release one still taken when closed', () => {
    const { events, keys, type } = recorder();
    type('Enter');
    expect(events).toEqual([]);
    type('B');
    keys.close();
    vi.advanceTimersByTime(BADGE_MAX_PAUSE_MS);
    expect(events).toEqual(['hold', 'release']);
  });
});
