/**
 * The tags of identifiers this kiosk matched lately, so that a person's next scan (leaving, hours after arriving) is
 * matched without deriving the tag again: the derivation is slow on purpose (`core/identifier-hash.ts`), and the
 * person waits for it. In memory only, never stored (the outbox holds the identifiers of this device's punches in any
 * case, and a reload starts empty), and keyed by all a tag depends on, so that a new directory's salt, pepper or
 * rounds find nothing here.
 */
import { identifierTag, type TagParameters } from '../../../core/identifier-hash';

/** About one site's staff: each entry is an identifier and its tag, a few hundred bytes. */
export const RECENT_TAGS_MAX = 2_000;

export interface RecentTags {
  /** The tag of `normalized` under `parameters`, derived only when not among the recent ones. */
  tag(normalized: string, parameters: TagParameters): Promise<string>;
}

export function createRecentTags(
  derive: (normalized: string, parameters: TagParameters) => Promise<string> = identifierTag,
  max: number = RECENT_TAGS_MAX,
): RecentTags {
  // Insertion order is use order: a hit is moved to the end, and the first entry is the one used longest ago.
  const tags = new Map<string, Promise<string>>();
  return {
    tag(normalized, parameters) {
      const key = JSON.stringify([parameters.salt, parameters.pepper, parameters.iterations, normalized]);
      const known = tags.get(key);
      if (known !== undefined) {
        tags.delete(key);
        tags.set(key, known);
        return known;
      }
      const derived = derive(normalized, parameters);
      tags.set(key, derived);
      // A derivation that failed is tried again at the next scan.
      derived.catch(() => {
        if (tags.get(key) === derived) tags.delete(key);
      });
      if (tags.size > max) tags.delete(tags.keys().next().value as string);
      return derived;
    },
  };
}
