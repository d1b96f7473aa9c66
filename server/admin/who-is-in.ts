/**
 * Who is in right now, worked out the way Kenjo pairs punches (see core/overnight): per employee, the delivered and
 * pending punches of the last days are replayed in order of their instant into per-day pools; an overnight close
 * takes the start of the previous day's open entry out of its pool. Someone is in when today's pool is odd, or when
 * yesterday's is odd and a punch now would still close it as an overnight shift. A yesterday's entry that a punch
 * now could no longer close (after 18:00, or beyond the longest shift) is a forgotten clock-out.
 */
import { decideOvernight, type DeliveredPunch } from '../../core/overnight';
import { addDays, toWallTime, wallDate } from '../../core/wall-time';
import type { LedgerPunch } from '../ledger/ledger';
import { personKey } from './admin-ledger';

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

function latest(pool: readonly LedgerPunch[]): LedgerPunch | null {
  let best: LedgerPunch | null = null;
  for (const p of pool) {
    if (
      !best ||
      p.kenjoDateTime > best.kenjoDateTime ||
      (p.kenjoDateTime === best.kenjoDateTime && p.atMs > best.atMs)
    ) {
      best = p;
    }
  }
  return best;
}

export type Direction = 'in' | 'out';

/**
 * Replays one employee's punches (any order) into Kenjo's per-day pools. When `directions` is given, each punch is
 * noted there as `in` when it opens an entry and `out` when it closes one (its day's, or last night's).
 */
function replayIntoPools(
  punches: readonly LedgerPunch[],
  maxShiftHours: number,
  directions?: Map<LedgerPunch, Direction>,
) {
  const pools = new Map<string, LedgerPunch[]>();
  const history: DeliveredPunch[] = [];
  const poolOf = (day: string): LedgerPunch[] => {
    const pool = pools.get(day) ?? [];
    pools.set(day, pool);
    return pool;
  };
  for (const punch of [...punches].sort((a, b) => a.atMs - b.atMs || a.seq - b.seq)) {
    const wallTime = punch.kenjoDateTime;
    const overnight =
      punch.isOvernightShift ??
      decideOvernight(history, { wallTime, atMs: punch.atMs }, maxShiftHours).isOvernightShift;
    history.push({ wallTime, atMs: punch.atMs, isOvernightShift: overnight });
    const previous = poolOf(addDays(wallDate(wallTime), -1));
    const start = overnight && previous.length % 2 === 1 ? latest(previous) : null;
    if (start) {
      previous.splice(previous.indexOf(start), 1);
      directions?.set(punch, 'out');
      continue;
    }
    const pool = poolOf(wallDate(wallTime));
    directions?.set(punch, pool.length % 2 === 0 ? 'in' : 'out');
    pool.push(punch);
  }
  return { pools, history };
}

/** In or out for each of one employee's delivered-or-pending punches, paired as Kenjo pairs them. */
export function pairDirections(
  punches: readonly LedgerPunch[],
  maxShiftHours: number,
): Map<LedgerPunch, Direction> {
  const directions = new Map<LedgerPunch, Direction>();
  replayIntoPools(punches, maxShiftHours, directions);
  return directions;
}

/** One employee's open entries, given their recent delivered and pending punches (any order). */
function openEntriesOf(punches: readonly LedgerPunch[], nowMs: number, maxShiftHours: number): WhoIsIn {
  const result: WhoIsIn = { present: [], forgotten: [] };
  const last = punches.reduce<LedgerPunch | null>((a, p) => (!a || p.atMs > a.atMs ? p : a), null);
  if (!last) return result;
  const { pools, history } = replayIntoPools(punches, maxShiftHours);
  const nowWall = toWallTime(nowMs, last.timeZone);
  const today = wallDate(nowWall);
  const todayPool = pools.get(today) ?? [];
  const yesterdayPool = pools.get(addDays(today, -1)) ?? [];
  const todayStart = todayPool.length % 2 === 1 ? latest(todayPool) : null;
  const yesterdayStart = yesterdayPool.length % 2 === 1 ? latest(yesterdayPool) : null;
  if (todayStart) result.present.push({ punch: todayStart, overnight: false });
  if (yesterdayStart) {
    const closable = decideOvernight(
      history,
      { wallTime: nowWall, atMs: nowMs },
      maxShiftHours,
    ).isOvernightShift;
    if (!closable) result.forgotten.push({ punch: yesterdayStart, overnight: false });
    else if (!todayStart) result.present.push({ punch: yesterdayStart, overnight: true });
  }
  return result;
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
