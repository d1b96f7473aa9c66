/**
 * What deciding a scan needs of this device's store, kept in memory: each person's punches of the pairing history
 * (`PAIRING_HISTORY_MS`, with their states) and the name the proxy told for them. A scan reads it here instead of
 * the database: on a slow tablet each read of IndexedDB is a round trip the person waits for. It is read from the
 * database once per connection (`warm`, after the idle screen is painted; else by the first scan), then kept by the
 * writes of this page (`outbox.ts`, `names.ts`). A write by another page of this kiosk (a second tab) drops it
 * (`BroadcastChannel`), and the next scan reads it again; so does a closed connection (`forget`).
 */
import type { IDBPDatabase } from 'idb';
import { PAIRING_HISTORY_MS } from '../../../core/attendance-day';
import type { HistoryEntry, KioskDb } from './schema';

/** A person's punches on this device with instants in `[fromMs, toMs]`, and the name this kiosk was told for them. */
export interface PersonOnDevice {
  punches: HistoryEntry[];
  name: string | null;
}

interface People {
  /** Punches with instants from this one on are all here. */
  fromMs: number;
  punches: Map<string, HistoryEntry>;
  names: Map<string, string>;
}

/** Kept a little further back than a scan looks, so that a page left open for a day still finds all it needs. */
const LOAD_MARGIN_MS = 24 * 3_600_000;

let people: Promise<People> | null = null;

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('kenjo-kiosk-people');
if (channel) {
  channel.onmessage = () => forget();
  // Node's (the tests'): a channel must not keep the process alive.
  (channel as { unref?: () => void }).unref?.();
}

async function load(db: IDBPDatabase<KioskDb>, fromMs: number): Promise<People> {
  const tx = db.transaction(['history', 'names']);
  const [entries, names] = await Promise.all([
    tx.objectStore('history').index('by-at').getAll(IDBKeyRange.lowerBound(fromMs)),
    tx.objectStore('names').getAll(),
  ]);
  return {
    fromMs,
    punches: new Map(entries.map((entry) => [entry.id, entry])),
    names: new Map(names.map((known) => [known.employeeKey, known.name])),
  };
}

/** What is kept, read first when nothing is: punches from a little before `sinceMs` on. */
function loaded(db: IDBPDatabase<KioskDb>, sinceMs: number): Promise<People> {
  if (!people) {
    const loading = load(db, sinceMs - LOAD_MARGIN_MS);
    people = loading;
    // A failed read is tried again by the next scan.
    loading.catch(() => {
      if (people === loading) people = null;
    });
  }
  return people;
}

/** A page open for days keeps only what a scan may still look at (and what was read with it). */
function dropOlderThan(known: People, fromMs: number): void {
  if (fromMs - known.fromMs < LOAD_MARGIN_MS) return;
  for (const [id, entry] of known.punches) if (entry.atMs < fromMs) known.punches.delete(id);
  known.fromMs = fromMs;
}

/** Reads the people of this device now, so that the first scan does not wait for it. */
export async function warm(db: IDBPDatabase<KioskDb>, nowMs: number): Promise<void> {
  await loaded(db, nowMs - PAIRING_HISTORY_MS);
}

/**
 * The punches of a person known here under `employeeKeys` (the first the one the name is looked up under first) in
 * `[fromMs, toMs]`, but `exceptId` (the scan being decided), and their name. From the database when the range
 * reaches further back than what is kept.
 */
export async function person(
  db: IDBPDatabase<KioskDb>,
  employeeKeys: readonly string[],
  fromMs: number,
  toMs: number,
  exceptId?: string,
): Promise<PersonOnDevice> {
  const known = await loaded(db, fromMs);
  dropOlderThan(known, fromMs - LOAD_MARGIN_MS);
  const punches: HistoryEntry[] = [];
  if (fromMs >= known.fromMs) {
    for (const p of known.punches.values()) {
      if (p.atMs >= fromMs && p.atMs <= toMs && p.id !== exceptId && employeeKeys.includes(p.employeeKey)) {
        punches.push(p);
      }
    }
  } else {
    for (const employeeKey of employeeKeys) {
      const range = IDBKeyRange.bound([employeeKey, fromMs], [employeeKey, toMs]);
      const entries = await db.getAllFromIndex('history', 'by-employee', range);
      punches.push(...entries.filter((p) => p.id !== exceptId));
    }
  }
  const named = employeeKeys.find((key) => known.names.has(key));
  return {
    punches: punches.sort((a, b) => a.atMs - b.atMs),
    name: named === undefined ? null : (known.names.get(named) ?? null),
  };
}

/**
 * Takes in what this page wrote (committed, or asked for in a transaction created before any read that follows):
 * history entries as they now are, ids no longer in history, names told. Other pages are told to read again.
 */
export function noteWritten(change: {
  entries?: readonly HistoryEntry[];
  /** Scans found to be punches: added, or, when already here (answered first), moved to their entry's key. */
  kept?: readonly HistoryEntry[];
  removed?: readonly string[];
  names?: ReadonlyArray<readonly [string, string]>;
  namesCleared?: boolean;
}): void {
  // After a read under way, whose result this change may postdate; a reaction registered now runs before any read's.
  void people?.then(
    (known) => {
      for (const id of change.removed ?? []) known.punches.delete(id);
      for (const entry of change.entries ?? []) {
        if (entry.atMs >= known.fromMs) known.punches.set(entry.id, entry);
      }
      for (const entry of change.kept ?? []) {
        const answered = known.punches.get(entry.id);
        if (answered) known.punches.set(entry.id, { ...answered, employeeKey: entry.employeeKey });
        else if (entry.atMs >= known.fromMs) known.punches.set(entry.id, entry);
      }
      if (change.namesCleared) known.names.clear();
      for (const [employeeKey, name] of change.names ?? []) known.names.set(employeeKey, name);
    },
    () => undefined,
  );
  channel?.postMessage('changed');
}

/** Drops what is kept: the next scan reads the database again. */
export function forget(): void {
  people = null;
}
