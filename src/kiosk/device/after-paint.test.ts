import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { controlAnimationFrames } from '../../testing/animation-frames';
import { AFTER_PAINT_FALLBACK_MS, afterPaintShown } from './after-paint';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterPaintShown', () => {
  it('waits for the next frame and the one after it, and runs once, after them', () => {
    const frames = controlAnimationFrames();
    const work = vi.fn();
    afterPaintShown(work);
    vi.advanceTimersByTime(0);
    expect(work).not.toHaveBeenCalled();
    frames.paintFrame();
    expect(work).not.toHaveBeenCalled();
    frames.paintFrame();
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(AFTER_PAINT_FALLBACK_MS);
    frames.paintFrame();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('still runs when no frame comes (a hidden page)', () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const work = vi.fn();
    afterPaintShown(work);
    vi.advanceTimersByTime(AFTER_PAINT_FALLBACK_MS - 1);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
