/** How long to wait before the next attempt while the proxy is unreachable: doubling, capped, with jitter. */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** `failures` ≥ 1 consecutive failed attempts; `random` in [0, 1) spreads kiosks out by up to ±20 %. */
export function backoffDelayMs(failures: number, random: number): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  const nominal = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** exponent);
  return Math.round(nominal * (0.8 + 0.4 * random));
}
