/**
 * The kiosk's device store (IndexedDB database `kenjo-kiosk`):
 * - `outbox`: punches made on this device and not yet answered by the proxy, keyed by the punch's UUID;
 * - `history`: every punch made on this device with what the proxy answered (for the in/out guess, the
 *   double-scan window and the display of rejected punches);
 * - `settings`: small values (the kiosk token, the cached config and directory, the language, the sound switch);
 * - `names`: the names the proxy gave in its answers to this kiosk's punches, per person (`names.ts`).
 *
 * Upgrades are additive: a version only creates stores or indexes, never drops data.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { EmployeeRef } from '../../../core/punch';

export const DB_NAME = 'kenjo-kiosk';
export const DB_VERSION = 3;

/** A punch as the kiosk keeps it: the protocol's punch plus what the kiosk needs locally. */
export interface StoredPunch {
  id: string;
  employee: EmployeeRef;
  /** RFC 3339 with the kiosk zone's offset. */
  at: string;
  atMs: number;
  /** The kiosk's IANA zone when the person punched. */
  timeZone: string;
  /** Groups one person's punches: the directory key when known, else the identifier (`externalId:B-1001`). */
  employeeKey: string;
}

/** `waiting`: only on this device; the others are the proxy's answers. */
export type PunchState = 'waiting' | 'accepted' | 'duplicate' | 'rejected';

export interface HistoryEntry extends StoredPunch {
  state: PunchState;
  reason?: string;
  /** The proxy's reason as a code (`inactive-employee`), translated on screen; `reason` is its sentence. */
  reasonCode?: string;
  reasonParams?: Record<string, string | number>;
  answeredAtMs?: number;
}

/** A name the proxy told this kiosk, in its answer to one of that person's punches here. */
export interface KnownName {
  employeeKey: string;
  name: string;
  answeredAtMs: number;
}

export interface KioskDb extends DBSchema {
  outbox: { key: string; value: StoredPunch; indexes: { 'by-at': number } };
  settings: { key: string; value: unknown };
  history: {
    key: string;
    value: HistoryEntry;
    indexes: { 'by-at': number; 'by-employee': [string, number] };
  };
  names: { key: string; value: KnownName; indexes: { 'by-answered': number } };
}

type UpgradeTx = IDBPTransaction<KioskDb, StoreNames<KioskDb>[], 'versionchange'>;

/**
 * Creates what versions after `oldVersion` added; version 2 backfills history for punches still waiting; version 3
 * adds the names and drops the cached directory of earlier versions, which carried names (sealed) and whose tags no
 * kiosk of this version matches: the next fetch brings a copy without names.
 */
export function upgradeKioskDb(db: IDBPDatabase<KioskDb>, oldVersion: number, tx: UpgradeTx): void {
  if (oldVersion < 1) {
    db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('by-at', 'atMs');
    db.createObjectStore('settings');
  }
  if (oldVersion < 2) {
    const history = db.createObjectStore('history', { keyPath: 'id' });
    history.createIndex('by-at', 'atMs');
    history.createIndex('by-employee', ['employeeKey', 'atMs']);
    if (oldVersion >= 1) {
      void tx
        .objectStore('outbox')
        .getAll()
        .then((waiting) => Promise.all(waiting.map((p) => history.put({ ...p, state: 'waiting' }))));
    }
  }
  if (oldVersion < 3) {
    db.createObjectStore('names', { keyPath: 'employeeKey' }).createIndex('by-answered', 'answeredAtMs');
    if (oldVersion >= 1) void tx.objectStore('settings').delete('directory');
  }
}
