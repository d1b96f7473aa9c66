/** What this device remembers about its punches after sending them: the proxy's answer per punch. */
import { kioskDb } from './db';
import { noteWritten } from './people';
import type { HistoryEntry } from './schema';

export async function historyEntry(id: string): Promise<HistoryEntry | undefined> {
  const db = await kioskDb();
  return db.get('history', id);
}

/** The newest punches, newest first. */
export async function recentHistory(limit: number): Promise<HistoryEntry[]> {
  const db = await kioskDb();
  const entries: HistoryEntry[] = [];
  let cursor = await db.transaction('history').store.index('by-at').openCursor(null, 'prev');
  while (cursor && entries.length < limit) {
    entries.push(cursor.value);
    cursor = await cursor.continue();
  }
  return entries;
}

/** Forgets answered punches older than `beforeMs`; punches still waiting are never dropped. */
export async function pruneHistory(beforeMs: number): Promise<number> {
  const db = await kioskDb();
  const tx = db.transaction('history', 'readwrite');
  const removed: string[] = [];
  let cursor = await tx.store.index('by-at').openCursor(IDBKeyRange.upperBound(beforeMs, true));
  while (cursor) {
    if (cursor.value.state !== 'waiting') {
      await cursor.delete();
      removed.push(cursor.value.id);
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  noteWritten({ removed });
  return removed.length;
}
