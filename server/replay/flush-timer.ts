/**
 * One pending run of the loop's pass at a time, at the earliest instant anyone asked for: asking for "now" while a
 * pass is due in 10 ms brings it forward; asking for later leaves it. A `background` wait (the idle tick) does not
 * keep the process alive.
 */
export interface FlushTimer {
  schedule(delayMs: number, options?: { background?: boolean }): void;
  cancel(): void;
}

export function createFlushTimer(run: () => void): FlushTimer {
  let pending: { atMs: number; cancel: () => void } | null = null;

  function fire(): void {
    pending = null;
    run();
  }

  return {
    schedule(delayMs, options = {}) {
      const atMs = performance.now() + delayMs;
      if (pending !== null && pending.atMs <= atMs) return;
      pending?.cancel();
      if (delayMs <= 0) {
        const handle = setImmediate(fire);
        pending = { atMs, cancel: () => clearImmediate(handle) };
      } else {
        const handle = setTimeout(fire, delayMs);
        if (options.background === true) handle.unref();
        pending = { atMs, cancel: () => clearTimeout(handle) };
      }
    },
    cancel() {
      pending?.cancel();
      pending = null;
    },
  };
}
