import type { BackoffPolicy } from './types';

/**
 * Exponential backoff with full jitter: a uniform wait in [0, min(maxMs, baseMs · 2^(attempts−1))). Full jitter
 * spreads the retries of many punches that failed together (one Kenjo outage) instead of sending them in waves.
 * `attempts` counts the calls made so far, at least 1.
 */
export function backoffDelayMs(attempts: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.max(0, Math.min(attempts, 31) - 1);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}

/** When to try again: Kenjo's own Retry-After wins over our backoff, and neither goes below `floorMs`. */
export function nextAttemptAt(
  nowMs: number,
  attempts: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs: number | null = null,
  floorMs = 0,
): number {
  const wait = retryAfterMs ?? backoffDelayMs(attempts, policy, random);
  return nowMs + Math.max(wait, floorMs);
}
