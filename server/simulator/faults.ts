import * as z from 'zod';
import { apiVariantsPatchShape, DEFAULT_API_VARIANTS, type ApiVariants } from './api-variants';

/** What can go wrong between a client and Kenjo, injected on purpose. Rates are shares 0..1; all off by default. */
export interface Faults extends ApiVariants {
  /** Added to every Kenjo API call. */
  latencyMs: number;
  /** A 503 or 500 before the call is applied: nothing is stored. */
  serverErrorRate: number;
  /** A 429 with `Retry-After: retryAfterS` before the call is applied. */
  rateLimitRate: number;
  retryAfterS: number;
  /** A track-time call is stored, then its response fails in one of `commitThenFailModes`. */
  commitThenFailRate: number;
  commitThenFailModes: CommitThenFailMode[];
  /** How long a 'stall' holds the response before the connection is destroyed. */
  stallMs: number;
  /** The lifetime of tokens issued from now on. */
  tokenLifetimeS: number;
  /** How `GET /attendances` answers where Kenjo's contract leaves it open (see `attendance-read-variants.ts`). */
  readSecondsTruncated: boolean;
  /** `null`: the wall clock behind the `Z` (Kenjo's examples); an IANA zone: a true UTC instant of the wall clock there. */
  readUtcZone: string | null;
  readToExclusive: boolean;
  /** `null`: a bare array; a number: pages of that size in a `{data, metadata}` envelope (`offset` is the page, from 1). */
  readPageSize: number | null;
  /** Open entries carry `endTime: null` instead of leaving the field out. */
  readOpenEndNull: boolean;
}

export type CommitThenFailMode = '5xx' | 'drop' | 'stall';

export const DEFAULT_TOKEN_LIFETIME_S = 172_800;

export const DEFAULT_FAULTS: Readonly<Faults> = Object.freeze<Faults>({
  latencyMs: 0,
  serverErrorRate: 0,
  rateLimitRate: 0,
  retryAfterS: 1,
  commitThenFailRate: 0,
  commitThenFailModes: ['5xx', 'drop', 'stall'],
  stallMs: 30_000,
  tokenLifetimeS: DEFAULT_TOKEN_LIFETIME_S,
  ...DEFAULT_API_VARIANTS,
  readSecondsTruncated: false,
  readUtcZone: null,
  readToExclusive: false,
  readPageSize: null,
  readOpenEndNull: false,
});

const ianaZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone');

const rate = z.number().min(0).max(1);
const ms = z.number().int().min(0).max(600_000);

export const faultsPatchSchema = z.strictObject({
  latencyMs: ms.optional(),
  serverErrorRate: rate.optional(),
  rateLimitRate: rate.optional(),
  retryAfterS: z.number().int().min(0).max(86_400).optional(),
  commitThenFailRate: rate.optional(),
  commitThenFailModes: z
    .array(z.enum(['5xx', 'drop', 'stall']))
    .min(1)
    .optional(),
  stallMs: ms.optional(),
  tokenLifetimeS: z.number().positive().max(31_536_000).optional(),
  ...apiVariantsPatchShape,
  readSecondsTruncated: z.boolean().optional(),
  readUtcZone: ianaZone.nullable().optional(),
  readToExclusive: z.boolean().optional(),
  readPageSize: z.number().int().min(1).max(1000).nullable().optional(),
  readOpenEndNull: z.boolean().optional(),
});

/** Merges a partial change into the current faults; throws a readable Error when a value is out of range. */
export function mergeFaults(current: Faults, patch: unknown): Faults {
  const parsed = faultsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FaultsError(`${issue?.path.join('.') || 'faults'}: ${issue?.message ?? 'invalid'}`);
  }
  const defined = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  return {
    ...current,
    ...defined,
    commitThenFailModes: [...(parsed.data.commitThenFailModes ?? current.commitThenFailModes)],
  };
}

export class FaultsError extends Error {}

/** Seeded PRNG (mulberry32) so that a fault sequence replays identically from the same seed. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type BeforeApply =
  { kind: 'pass' } | { kind: 'server-error'; status: 500 | 503 } | { kind: 'rate-limit' };
export type AfterApply =
  { kind: 'respond' } | { kind: '5xx'; status: 500 | 502 } | { kind: 'drop' } | { kind: 'stall' };

/** Draws from `random` only for a rate above zero, so faults that are off never shift the sequence. */
function hit(rateValue: number, random: () => number): boolean {
  return rateValue > 0 && random() < rateValue;
}

export function rollBeforeApply(faults: Faults, random: () => number): BeforeApply {
  if (hit(faults.serverErrorRate, random))
    return { kind: 'server-error', status: random() < 0.5 ? 503 : 500 };
  if (hit(faults.rateLimitRate, random)) return { kind: 'rate-limit' };
  return { kind: 'pass' };
}

export function rollAfterApply(faults: Faults, random: () => number): AfterApply {
  if (!hit(faults.commitThenFailRate, random)) return { kind: 'respond' };
  const modes = faults.commitThenFailModes;
  const mode = modes[Math.floor(random() * modes.length)] ?? '5xx';
  if (mode === '5xx') return { kind: '5xx', status: random() < 0.5 ? 500 : 502 };
  return { kind: mode };
}
