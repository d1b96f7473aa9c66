import { IDENTIFIER_HASH, slowDigest } from '../../core/identifier-hash';

/**
 * The costly half of every directory tag (`core/identifier-hash.ts`), derived once per identifier and shared by
 * every kiosk. Each derivation runs off the event loop (Web Crypto's PBKDF2 is a thread-pool job), at most `LANES`
 * at a time: a whole directory is derived in a few seconds once, and the pool's other threads stay free for file
 * reads meanwhile. `remembered` answers digests saved by an earlier process.
 */
export interface SlowDigests {
  readonly iterations: number;
  digest(normalized: string): Promise<ArrayBuffer>;
  /** Forgets identifiers no longer in the directory (a leaver's badge is not kept derived forever). */
  keepOnly(normalized: ReadonlySet<string>): void;
  /** Every digest known now, to be saved for the next process. */
  settled(): ReadonlyMap<string, ArrayBuffer>;
  /** How many derivations ran (digests remembered from before are not derived again). */
  derived(): number;
}

/** Derivations at once: half of libuv's default pool of four threads. */
export const LANES = 2;

export function slowDigests(
  salt: string,
  iterations: number = IDENTIFIER_HASH.iterations,
  remembered: (normalized: string) => ArrayBuffer | undefined = () => undefined,
): SlowDigests {
  const known = new Map<string, Promise<ArrayBuffer>>();
  const settled = new Map<string, ArrayBuffer>();
  // Each lane derives one digest after another; new derivations are dealt to the lanes in turn.
  const lanes: Array<Promise<unknown>> = Array.from({ length: LANES }, () => Promise.resolve());
  let next = 0;
  let count = 0;
  const derive = (normalized: string): Promise<ArrayBuffer> => {
    const saved = remembered(normalized);
    if (saved !== undefined) return Promise.resolve(saved);
    const lane = next;
    next = (next + 1) % LANES;
    const digest = (lanes[lane] ?? Promise.resolve()).then(() => {
      count += 1;
      return slowDigest(normalized, salt, iterations);
    });
    lanes[lane] = digest.catch(() => undefined);
    return digest;
  };
  return {
    iterations,
    digest(normalized) {
      let digest = known.get(normalized);
      if (digest === undefined) {
        digest = derive(normalized);
        known.set(normalized, digest);
        // A failed derivation is not remembered: the next request tries it again.
        digest.then(
          (bytes) => void (known.get(normalized) === digest && settled.set(normalized, bytes)),
          () => known.delete(normalized),
        );
      }
      return digest;
    },
    keepOnly(keep) {
      for (const normalized of known.keys()) {
        if (keep.has(normalized)) continue;
        known.delete(normalized);
        settled.delete(normalized);
      }
    },
    settled: () => settled,
    derived: () => count,
  };
}
