/**
 * The double-scan rule (`double-scan.ts`) over a stretch of one person's punches at once, as it falls out when they
 * arrive in time order: a punch less than the window after the last kept one is ignored; a punch already gone to
 * Kenjo (or held for an operator) stays kept, and a movable punch less than the window before it is ignored instead.
 * Ignored punches cover nothing. Judging the whole stretch again is what keeps the order of arrival from mattering
 * when a new punch displaces a kept one: the punches that one had displaced may be kept again, and so on down the
 * stretch (punches 40 s apart in a 60 s window alternate kept and ignored, from whichever comes first).
 */

/** One punch of the stretch; `movable` while it has not gone to Kenjo (queued, or ignored as a double scan). */
export interface ChainScan {
  atMs: number;
  movable: boolean;
}

export type ChainVerdict = { keep: true } | { keep: false; coveredByAtMs: number };

/**
 * A verdict for each scan, in the order given (which must be time order). `keptBeforeAtMs` is the last punch kept
 * before the stretch, if any: what happened before the stretch's first new punch does not change.
 */
export function judgeChain(
  scans: readonly ChainScan[],
  keptBeforeAtMs: number | null,
  windowS: number,
): ChainVerdict[] {
  const windowMs = windowS * 1000;
  let lastKept = keptBeforeAtMs;
  return scans.map((scan, index): ChainVerdict => {
    if (!scan.movable) {
      lastKept = scan.atMs;
      return { keep: true };
    }
    if (lastKept !== null && scan.atMs - lastKept < windowMs) return { keep: false, coveredByAtMs: lastKept };
    // Later in the list is at or after it in time; one at the same instant counts too.
    const gone = scans.slice(index + 1).find((later) => !later.movable && later.atMs - scan.atMs < windowMs);
    if (gone !== undefined) return { keep: false, coveredByAtMs: gone.atMs };
    lastKept = scan.atMs;
    return { keep: true };
  });
}
