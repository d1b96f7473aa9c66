import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDevice, storedPunch } from '../../testing/punch-factory';
import { closeKioskDb } from './db';
import { personOnDevice } from './history';
import { forgetNames, knownName, MAX_NAMES, pruneNames } from './names';
import { ack, enqueue } from './outbox';

beforeEach(resetDevice);

async function punchAnswered(
  employeeKey: string,
  answer: { status: 'accepted' | 'rejected'; name?: string },
) {
  const punch = storedPunch({ employeeKey });
  await enqueue(punch);
  await ack([{ id: punch.id, ...answer }], punch.atMs);
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
    const { punches, name } = await personOnDevice('directory:k1', 0, Number.MAX_SAFE_INTEGER);
    expect(name).toBe('Ada Lovelace');
    expect(punches.map((p) => [p.employeeKey, p.state])).toEqual([['directory:k1', 'accepted']]);
    expect((await personOnDevice('directory:k3', 0, Number.MAX_SAFE_INTEGER)).name).toBeNull();
  });

  it('never come from a refusal', async () => {
    await punchAnswered('externalId:B-1300', { status: 'rejected', name: 'Eve' });
    expect(await knownName('externalId:B-1300')).toBeNull();
  });

  it('are bounded: the names answered longest ago go first', async () => {
    for (const n of [1, 2, 3, 4])
      await punchAnswered(`directory:k${n}`, { status: 'accepted', name: `P${n}` });
    expect(await pruneNames(2)).toBe(2);
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
    expect(await pruneNames()).toBe(0);
    expect(await knownName(`directory:k${MAX_NAMES}`)).toBe(`P${MAX_NAMES}`);
  });

  it('are forgotten all at once (revoked or paired again)', async () => {
    await punchAnswered('directory:k1', { status: 'accepted', name: 'Ada Lovelace' });
    await forgetNames();
    expect(await knownName('directory:k1')).toBeNull();
  });
});
