/**
 * The names this kiosk was told. Its copy of the directory names nobody; the proxy's answer to a punch carries the
 * person's name, kept here per person (`employeeKey`) so the next punch of that person here greets them by name,
 * offline too. Bounded (the newest `MAX_NAMES`), and forgotten when the kiosk is revoked or paired again.
 */
import { kioskDb } from './db';

export const MAX_NAMES = 2_000;

export async function knownName(employeeKey: string): Promise<string | null> {
  const db = await kioskDb();
  return (await db.get('names', employeeKey))?.name ?? null;
}

/** Drops the names answered longest ago beyond `MAX_NAMES`. */
export async function pruneNames(max: number = MAX_NAMES): Promise<number> {
  const db = await kioskDb();
  const tx = db.transaction('names', 'readwrite');
  let excess = (await tx.store.count()) - max;
  let removed = 0;
  let cursor = excess > 0 ? await tx.store.index('by-answered').openCursor() : null;
  while (cursor && excess > 0) {
    await cursor.delete();
    excess -= 1;
    removed += 1;
    cursor = await cursor.continue();
  }
  await tx.done;
  return removed;
}

export async function forgetNames(): Promise<void> {
  const db = await kioskDb();
  await db.clear('names');
}
