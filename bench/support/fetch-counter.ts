/**
 * Counts this process's outgoing HTTP requests by method and path (below `/api/v1`), by wrapping the global fetch
 * the Kenjo client uses. Counted on the client side, every attempt shows, including ones Kenjo refused.
 */
export interface FetchCounter {
  count(method: string, pathSuffix: string): number;
  reset(): void;
  restore(): void;
}

export function countFetches(): FetchCounter {
  const original = globalThis.fetch;
  const counts = new Map<string, number>();
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const key = `${method} ${url.pathname.replace(/^.*\/api\/v1/, '')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return original(input, init);
  };
  return {
    count: (method, pathSuffix) =>
      [...counts]
        .filter(([key]) => key.startsWith(`${method} `) && key.endsWith(pathSuffix))
        .reduce((n, [, c]) => n + c, 0),
    reset: () => counts.clear(),
    restore: () => {
      globalThis.fetch = original;
    },
  };
}
