/**
 * The double-scan window: a second punch of the same employee less than `windowS` seconds from one already
 * recorded is a double scan (a badge held to the reader twice, a repeated tap) and is not sent to Kenjo, where it
 * would open a bogus entry. The window is open at its far edge: exactly `windowS` apart are two punches.
 * A window of 0 turns the rule off.
 *
 * Punches can be recorded out of order (a kiosk that was offline delivers late), so a recorded punch shortly
 * *after* the new one counts as well. The answer prefers the nearest punch at or before the new one (the one the
 * person meant), else the nearest later one.
 */
import { punchReason, type PunchReason } from './punch-reason';
import { formatWallClock, toWallTime } from './wall-time';

/** The proxy's `DOUBLE_SCAN_WINDOW_S` unless configured; the kiosk's until it has read its configuration. */
export const DEFAULT_DOUBLE_SCAN_WINDOW_S = 60;

export function findDoubleScan(
  previousAtMs: readonly number[],
  atMs: number,
  windowS: number,
): number | null {
  if (!Number.isFinite(windowS) || windowS < 0)
    throw new RangeError(`${windowS} s is not a double-scan window.`);
  const windowMs = windowS * 1000;
  let earlier: number | null = null;
  let later: number | null = null;
  for (const previous of previousAtMs) {
    const deltaMs = atMs - previous;
    if (Math.abs(deltaMs) >= windowMs) continue;
    if (deltaMs >= 0) {
      if (earlier === null || previous > earlier) earlier = previous;
    } else if (later === null || previous < later) {
      later = previous;
    }
  }
  return earlier ?? later;
}

/** A punch of the same person already recorded (not ignored); `movable` while it has not gone to Kenjo yet. */
export interface RecordedScan {
  atMs: number;
  movable: boolean;
}

/**
 * What the server does with a new punch (see "Double scans" in the protocol): the earlier of two punches less than
 * the window apart is kept, whatever order they arrive in. A recorded punch within the window at or before the new
 * one makes it the double scan. Recorded punches within the window after it are the double scans instead, and are
 * displaced (ignored) — unless one has already gone to Kenjo, which is never asked to undo: then the new one is.
 */
export type DoubleScanDecision =
  { kind: 'keep'; displace: number[] } | { kind: 'ignore'; coveredByAtMs: number };

export function decideDoubleScan(
  recorded: readonly RecordedScan[],
  atMs: number,
  windowS: number,
): DoubleScanDecision {
  const nearest = findDoubleScan(
    recorded.map((r) => r.atMs),
    atMs,
    windowS,
  );
  if (nearest === null) return { kind: 'keep', displace: [] };
  if (nearest <= atMs) return { kind: 'ignore', coveredByAtMs: nearest };
  const windowMs = windowS * 1000;
  const later = recorded.filter((r) => r.atMs > atMs && r.atMs - atMs < windowMs);
  const gone = later.filter((r) => !r.movable).sort((a, b) => a.atMs - b.atMs)[0];
  if (gone !== undefined) return { kind: 'ignore', coveredByAtMs: gone.atMs };
  return { kind: 'keep', displace: later.map((r) => r.atMs) };
}

/** Why a double scan is ignored, for the kiosk's screen and the ledger: "already recorded at 08:01". */
export function doubleScanReason(firstAtMs: number, timeZone: string): PunchReason {
  const first = toWallTime(firstAtMs, timeZone);
  return punchReason('double-scan', { first }, `already recorded at ${formatWallClock(first)}`);
}
