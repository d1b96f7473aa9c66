/**
 * The directory's retry after a failed refresh while it has no usable copy: exponential backoff from `baseMs`
 * doubling to `maxMs`, jittered so that proxies restarted together do not call Kenjo in step. At most one retry is
 * pending at a time; its timer is unref'd so that it never keeps the process alive.
 */

export const DIRECTORY_RETRY_BASE_MS = 1_000;
export const DIRECTORY_RETRY_MAX_MS = 30_000;

/**
 * The wait before retry number `attempt` (0 for the first): `baseMs · 2^attempt` capped at `maxMs`, then jittered
 * into (½, 1] of that, so a retry never comes sooner than half the nominal wait. `random()` is in [0, 1).
 */
export function retryDelayMs(attempt: number, random: () => number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  return Math.round(ceiling * (1 - random() / 2));
}

export interface RefreshRetryOptions {
  /** The refresh to retry; it must not reject (failures re-arm the retry through `schedule`). */
  run: () => Promise<void>;
  random: () => number;
  baseMs: number;
  maxMs: number;
}

export interface RefreshRetry {
  /** Arms the next retry unless one is pending; its delay in ms, or null when one was already pending. */
  schedule(): number | null;
  /** After a success: cancels a pending retry, and the next failure starts again from `baseMs`. */
  reset(): void;
}

export function createRefreshRetry({ run, random, baseMs, maxMs }: RefreshRetryOptions): RefreshRetry {
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;

  return {
    schedule() {
      if (timer !== null) return null;
      const delayMs = retryDelayMs(attempt, random, baseMs, maxMs);
      attempt += 1;
      timer = setTimeout(() => {
        timer = null;
        void run();
      }, delayMs);
      timer.unref();
      return delayMs;
    },
    reset() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      attempt = 0;
    },
  };
}
