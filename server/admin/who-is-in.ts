/**
 * Who is in right now, per employee, by Kenjo's pairing model (`core/attendance-day.ts`) over the delivered and
 * pending punches of the last days; a yesterday's entry that a punch now could no longer close is a forgotten
 * clock-out.
 */
import { inKenjoOrder } from './kenjo-order';
import { presenceAt } from '../../core/attendance-day';
import { personKey } from '../../core/punch';
import { toWallTime } from '../../core/wall-time';
import type { LedgerPunch } from '../ledger/ledger';

/** Statuses whose punches are, or will be, in Kenjo. */
export const PRESENT_STATUSES = ['queued', 'sending', 'sent'] as const;
/** How far back the ledger is read: today and the two days before it, in any zone. */
export const WHO_IS_IN_LOOKBACK_MS = 72 * 60 * 60 * 1000;

export interface OpenEntry {
  /** The punch that opened the entry. */
  punch: LedgerPunch;
  /** True when the entry started on the previous day and is still an overnight shift in progress. */
  overnight: boolean;
}

export interface WhoIsIn {
  present: OpenEntry[];
  forgotten: OpenEntry[];
}

/** One employee's open entries, given their recent delivered and pending punches (any order). */
function openEntriesOf(punches: readonly LedgerPunch[], nowMs: number, maxShiftHours: number): WhoIsIn {
  const last = punches.reduce<LedgerPunch | null>((a, p) => (!a || p.atMs > a.atMs ? p : a), null);
  if (!last) return { present: [], forgotten: [] };
  const ordered = inKenjoOrder(punches);
  const presence = presenceAt(
    ordered,
    { wallTime: toWallTime(nowMs, last.timeZone), atMs: nowMs },
    maxShiftHours,
  );
  return {
    present: presence.in ? [{ punch: presence.in.since.punch, overnight: presence.in.overnight }] : [],
    forgotten: presence.forgottenSince ? [{ punch: presence.forgottenSince.punch, overnight: false }] : [],
  };
}

/** Everyone's open entries from the recent delivered-or-pending punches of all kiosks. */
export function whoIsIn(punches: readonly LedgerPunch[], nowMs: number, maxShiftHours: number): WhoIsIn {
  const byPerson = new Map<string, LedgerPunch[]>();
  for (const punch of punches) {
    const key = personKey(punch);
    const list = byPerson.get(key) ?? [];
    list.push(punch);
    byPerson.set(key, list);
  }
  const result: WhoIsIn = { present: [], forgotten: [] };
  for (const list of byPerson.values()) {
    const entries = openEntriesOf(list, nowMs, maxShiftHours);
    result.present.push(...entries.present);
    result.forgotten.push(...entries.forgotten);
  }
  const bySince = (a: OpenEntry, b: OpenEntry) => a.punch.atMs - b.punch.atMs;
  result.present.sort(bySince);
  result.forgotten.sort(bySince);
  return result;
}
