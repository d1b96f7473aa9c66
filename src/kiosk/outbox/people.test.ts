import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueue, personRead, resetDevice, storedPunch } from '../../testing/punch-factory';
import { kioskDb } from './db';
import { forgetNames } from './names';
import { ack, warmPeople } from './outbox';

beforeEach(resetDevice);

const KEY = 'directory:k1';

/** A write to the device's store as another page of this kiosk makes it, behind this page's back. */
async function writtenElsewhere(atMs: number, tell: boolean): Promise<string> {
  const punch = storedPunch({ employeeKey: KEY, atMs });
  await (await kioskDb()).put('history', { ...punch, state: 'waiting' });
  if (tell) {
    const other = new BroadcastChannel('kenjo-kiosk-people');
    other.postMessage('changed');
    other.close();
  }
  return punch.id;
}

describe('the people a scan decides on', () => {
  it("keeps this page's punches, the proxy's answers and the names it told, without reading again", async () => {
    const first = storedPunch({ employeeKey: KEY });
    await warmPeople(first.atMs);
    await enqueue(first);
    await ack([{ id: first.id, status: 'rejected', reason: 'inactive employee' }], 1);
    const second = storedPunch({ employeeKey: KEY });
    await enqueue(second);
    await ack([{ id: second.id, status: 'accepted', name: 'Ada Lovelace' }], 2);
    const read = vi.spyOn(IDBIndex.prototype, 'getAll');
    const person = await personRead(KEY, first.atMs - 1);
    expect(read).not.toHaveBeenCalled();
    expect(person.name).toBe('Ada Lovelace');
    expect(person.punches.map((p) => [p.id, p.state])).toEqual([
      [first.id, 'rejected'],
      [second.id, 'accepted'],
    ]);
    await forgetNames();
    expect((await personRead(KEY, first.atMs - 1)).name).toBeNull();
  });

  it("reads again after another page's write, and only then", async () => {
    const atMs = storedPunch().atMs;
    await warmPeople(atMs);
    const unseen = await writtenElsewhere(atMs, false);
    expect((await personRead(KEY, atMs - 1)).punches).toEqual([]);
    const told = await writtenElsewhere(atMs + 1, true);
    await vi.waitFor(async () =>
      expect((await personRead(KEY, atMs - 1)).punches.map((p) => p.id)).toEqual([unseen, told]),
    );
  });

  it('reads the database for a range further back than it keeps', async () => {
    const old = storedPunch({ employeeKey: KEY, atMs: Date.parse('2026-01-01T08:00:00Z') });
    await enqueue(old);
    await warmPeople(Date.parse('2026-02-04T08:00:00Z'));
    expect((await personRead(KEY, old.atMs - 1, old.atMs + 1)).punches.map((p) => p.id)).toEqual([old.id]);
  });
});
