/**
 * Animation frames under test control, with Vitest's fake timers: `requestAnimationFrame` queues its callbacks until
 * `paintFrame` runs them and then the tasks they queued (what runs after that frame's paint).
 */
import { vi } from 'vitest';

export interface AnimationFrames {
  /** Paints one frame: its callbacks run, then the tasks they queued. */
  paintFrame(): void;
  /** Callbacks waiting for the next frame. */
  waiting(): number;
}

/** Stubs `requestAnimationFrame`; undo with `vi.unstubAllGlobals()` and `vi.useRealTimers()`. */
export function controlAnimationFrames(): AnimationFrames {
  let frames: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  return {
    paintFrame() {
      const due = frames;
      frames = [];
      for (const callback of due) callback(0);
      vi.advanceTimersByTime(0);
    },
    waiting: () => frames.length,
  };
}
