import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { personRead, resetDevice, storedPunch } from '../../testing/punch-factory';
import { closeKioskDb, kioskDb } from './db';
import { historyEntry } from './history';
import { count, peekBatch } from './outbox';
import { DB_NAME, DB_VERSION } from './schema';

beforeEach(resetDevice);

/** Version 1 of the database as it was shipped: the outbox and settings, no history yet. */
async function createVersion1(punches: ReturnType<typeof storedPunch>[]): Promise<void> {
  const db = await openDB(DB_NAME, 1, {
    upgrade(v1) {
      v1.createObjectStore('outbox', { keyPath: 'id' }).createIndex('by-at', 'atMs');
      v1.createObjectStore('settings');
    },
  });
  const tx = db.transaction(['outbox', 'settings'], 'readwrite');
  for (const punch of punches) void tx.objectStore('outbox').put(punch);
  void tx.objectStore('settings').put('secret-token', 'token');
  void tx.objectStore('settings').put({ salt: 's', employees: [{ badgeName: 'sealed' }] }, 'directory');
  await tx.done;
  db.close();
}

describe('schema upgrades', () => {
  it('creates every store on a new device', async () => {
    const db = await kioskDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['history', 'names', 'outbox', 'settings']);
  });

  it('keeps the waiting punches and settings of version 1 and gives them history', async () => {
    const punch = storedPunch({ employeeKey: 'directory:e7' });
    await createVersion1([punch]);
    await closeKioskDb();

    expect(await count()).toBe(1);
    expect(await peekBatch()).toEqual([punch]);
    expect(await historyEntry(punch.id)).toMatchObject({ id: punch.id, state: 'waiting' });
    expect((await personRead('directory:e7')).punches).toHaveLength(1);
    expect(await (await kioskDb()).get('settings', 'token')).toBe('secret-token');
    // The directory of earlier versions carried names; the next fetch brings one without.
    expect(await (await kioskDb()).get('settings', 'directory')).toBeUndefined();
  });
});
