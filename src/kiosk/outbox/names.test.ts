import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { enqueue, personRead, resetDevice, storedPunch } from '../../testing/punch-factory';
import { closeKioskDb, kioskDb } from './db';
import { forgetNames, knownName, MAX_NAMES, pruneNames } from './names';
import { ack } from './outbox';

beforeEach(resetDevice);

async function punchAnswered(
  employeeKey: string,
  answer: { status: 'accepted' | 'rejected'; name?: string },
) {
  const punch = storedPunch({ employeeKey });
  await enqueue(punch);
  await ack([{ id: punch.id, ...answer }], punch.atMs);
}

/** Bounds the names now, in a transaction of its own. */
async function pruneNow(max?: number): Promise<number> {
  const tx = (await kioskDb()).transaction('names', 'readwrite');
  const removed = await pruneNames(tx.store, max);
  await tx.done;
  return removed;
}

describe('names told to this kiosk', () => {
  it("keep the name of the proxy's answer per person, across a reopened connection", async () => {
    expect(await knownName('directory:k1')).toBeNull();
    await punchAnswered('directory:k1', { status: 'accepted', name: 'Ada Lovelace' });
    await closeKioskDb();
    expect(await knownName('directory:k1')).toBe('Ada Lovelace');
    expect(await knownName('directory:k2')).toBeNull();
  });

  it("are read with the person's punches for a scan, each person's own", async () => {
    await punchAnswered('directory:k1', { status: 'accepted', name: 'Ada Lovelace' });
    await punchAnswered('directory:k2', { status: 'accepted', name: 'Grace Hopper' });
    const { punches, name } = await personRead('directory:k1');
    expect(name).toBe('Ada Lovelace');
    expect(punches.map((p) => [p.employeeKey, p.state])).toEqual([['directory:k1', 'accepted']]);
    expect((await personRead('directory:k3')).name).toBeNull();
  });

  it('never come from a refusal', async () => {
    await punchAnswered('externalId:B-1300', { status: 'rejected', name: 'Eve' });
    expect(await knownName('externalId:B-1300')).toBeNull();
  });

  it('are bounded: the names answered longest ago go first', async () => {
    for (const n of [1, 2, 3, 4])
      await punchAnswered(`directory:k${n}`, { status: 'accepted', name: `P${n}` });
    expect(await pruneNow(2)).toBe(2);
    expect(await Promise.all([1, 2, 3, 4].map((n) => knownName(`directory:k${n}`)))).toEqual([
      null,
      null,
      'P3',
      'P4',
    ]);
  });

  it('stay within the bound as answers come in, without being asked', async () => {
    const punches = Array.from({ length: MAX_NAMES + 1 }, (_, n) =>
      storedPunch({ employeeKey: `directory:k${n}` }),
    );
    for (const punch of punches) await enqueue(punch);
    await ack(
      punches.map((punch, n) => ({ id: punch.id, status: 'accepted' as const, name: `P${n}` })),
      Date.parse('2026-02-04T08:00:00Z'),
    );
    expect(await pruneNow()).toBe(0);
    expect(await knownName(`directory:k${MAX_NAMES}`)).toBe(`P${MAX_NAMES}`);
  });

  it('are forgotten all at once (revoked or paired again)', async () => {
    await punchAnswered('directory:k1', { status: 'accepted', name: 'Ada Lovelace' });
    await forgetNames();
    expect(await knownName('directory:k1')).toBeNull();
  });
});
