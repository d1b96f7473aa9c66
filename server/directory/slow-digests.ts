import { IDENTIFIER_HASH, slowDigest } from '../../core/identifier-hash';

/**
 * The costly half of every directory tag (`core/identifier-hash.ts`), derived once per identifier and shared by
 * every kiosk. Derivations run one after another: each one runs off the event loop (Web Crypto's PBKDF2 is a
 * thread-pool job), and one at a time leaves the pool's other threads and the other cores to requests, file reads
 * and the replay while a whole directory is derived. `remembered` answers digests saved by an earlier process.
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

export function slowDigests(
  salt: string,
  iterations: number = IDENTIFIER_HASH.iterations,
  remembered: (normalized: string) => ArrayBuffer | undefined = () => undefined,
): SlowDigests {
  const known = new Map<string, Promise<ArrayBuffer>>();
  const settled = new Map<string, ArrayBuffer>();
  let tail: Promise<unknown> = Promise.resolve();
  let count = 0;
  const derive = (normalized: string): Promise<ArrayBuffer> => {
    const saved = remembered(normalized);
    if (saved !== undefined) return Promise.resolve(saved);
    const digest = tail.then(() => {
      count += 1;
      return slowDigest(normalized, salt, iterations);
    });
    tail = digest.catch(() => undefined);
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
