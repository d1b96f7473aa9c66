/**
 * The names this kiosk was told. Its copy of the directory names nobody; the proxy's answer to a punch carries the
 * person's name, kept here per person (`employeeKey`) so the next punch of that person here greets them by name,
 * offline too. Bounded (the newest `MAX_NAMES`), and forgotten when the kiosk is revoked or paired again.
 */
import type { IDBPObjectStore, StoreNames } from 'idb';
import { kioskDb } from './db';
import { noteWritten } from './people';
import type { KioskDb } from './schema';

export const MAX_NAMES = 2_000;

export async function knownName(employeeKey: string): Promise<string | null> {
  const db = await kioskDb();
  return (await db.get('names', employeeKey))?.name ?? null;
}

/**
 * Drops the names answered longest ago beyond `max`, in the transaction that wrote new ones (the proxy's answers,
 * `ack`): one round trip to the database less per answer than a transaction of its own.
 */
export async function pruneNames<Stores extends ArrayLike<StoreNames<KioskDb>>>(
  names: IDBPObjectStore<KioskDb, Stores, 'names', 'readwrite'>,
  max: number = MAX_NAMES,
): Promise<number> {
  let excess = (await names.count()) - max;
  let removed = 0;
  let cursor = excess > 0 ? await names.index('by-answered').openCursor() : null;
  while (cursor && excess > 0) {
    await cursor.delete();
    excess -= 1;
    removed += 1;
    cursor = await cursor.continue();
  }
  return removed;
}

export async function forgetNames(): Promise<void> {
  const db = await kioskDb();
  await db.clear('names');
  noteWritten({ namesCleared: true });
}
