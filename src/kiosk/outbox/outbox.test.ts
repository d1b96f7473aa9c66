import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueue, personRead, resetDevice, storedPunch } from '../../testing/punch-factory';
import { closeKioskDb } from './db';
import { historyEntry, pruneHistory, recentHistory } from './history';
import {
  ack,
  count,
  dropScan,
  keepScan,
  onOutboxChange,
  peekBatch,
  personOnDevice,
  storeScan,
  type OutboxChange,
} from './outbox';

beforeEach(resetDevice);
afterEach(() => vi.restoreAllMocks());

/** The durability of each read-write transaction opened while `run` runs, in order. */
async function writeDurabilities(run: () => Promise<unknown>): Promise<Array<string | undefined>> {
  const open = vi.spyOn(IDBDatabase.prototype, 'transaction');
  await run();
  const seen = open.mock.calls
    .filter(([, mode]) => mode === 'readwrite')
    .map(([, , options]) => options?.durability);
  open.mockRestore();
  return seen;
}

describe('outbox', () => {
  it('keeps an enqueued punch across a reopened connection', async () => {
    const punch = storedPunch();
    await enqueue(punch);
    await closeKioskDb();
    expect(await peekBatch()).toEqual([punch]);
    expect(await count()).toBe(1);
    expect(await historyEntry(punch.id)).toMatchObject({ id: punch.id, state: 'waiting' });
  });

  it('peeks the oldest punches first, at most the limit', async () => {
    const late = storedPunch({ atMs: 3_000 });
    const early = storedPunch({ atMs: 1_000 });
    const middle = storedPunch({ atMs: 2_000 });
    for (const punch of [late, early, middle]) await enqueue(punch);
    expect((await peekBatch(2)).map((p) => p.id)).toEqual([early.id, middle.id]);
  });

  it.each(['accepted', 'duplicate', 'rejected'] as const)(
    'removes a punch answered %s and keeps the answer',
    async (status) => {
      const punch = storedPunch();
      await enqueue(punch);
      await ack([{ id: punch.id, status, reason: 'unknown employee' }], 42);
      expect(await count()).toBe(0);
      expect(await historyEntry(punch.id)).toMatchObject({
        state: status,
        reason: 'unknown employee',
        answeredAtMs: 42,
      });
    },
  );

  it("keeps the proxy's reason code and parameters for the kiosk to translate", async () => {
    const punch = storedPunch();
    await enqueue(punch);
    const answer = { code: 'clock-ahead', params: { aheadS: 400, limitS: 300 } };
    await ack([{ id: punch.id, status: 'rejected', reason: 'at is 400 s ahead', ...answer }], 42);
    expect(await historyEntry(punch.id)).toMatchObject({
      reasonCode: 'clock-ahead',
      reasonParams: { aheadS: 400, limitS: 300 },
    });
  });

  it('acks only the answered punches and ignores answers for punches it does not hold', async () => {
    const [a, b] = [storedPunch(), storedPunch()];
    await enqueue(a);
    await enqueue(b);
    await ack(
      [
        { id: a.id, status: 'accepted' },
        { id: crypto.randomUUID(), status: 'accepted' },
      ],
      1,
    );
    expect((await peekBatch()).map((p) => p.id)).toEqual([b.id]);
  });

  it('tells listeners after each committed change, whether the proxy answered and whether it refused', async () => {
    const changes: OutboxChange[] = [];
    const stop = onOutboxChange((change) => changes.push(change));
    const [accepted, refused] = [storedPunch(), storedPunch()];
    await enqueue(accepted);
    await enqueue(refused);
    await ack([{ id: accepted.id, status: 'accepted' }], 1);
    await ack([{ id: refused.id, status: 'rejected', reason: 'unknown employee' }], 2);
    stop();
    await enqueue(storedPunch());
    expect(changes).toEqual([
      { answered: false, refused: false },
      { answered: false, refused: false },
      { answered: true, refused: false },
      { answered: true, refused: true },
    ]);
  });

  it.each([
    ['acceptances only, relaxed (a lost write is a resend)', ['accepted', 'duplicate'], 'relaxed'],
    ['a refusal among them, strict', ['accepted', 'rejected'], 'strict'],
  ] as const)('stores a punch strictly, and the answers to it with %s', async (_, statuses, durability) => {
    const punches = statuses.map(() => storedPunch());
    expect(await writeDurabilities(async () => Promise.all(punches.map(enqueue)))).toEqual(
      punches.map(() => 'strict'),
    );
    const answers = punches.map((punch, i) => ({ id: punch.id, status: statuses[i] ?? 'accepted' }));
    expect(await writeDurabilities(() => ack(answers, 1))).toEqual([durability]);
    expect(await count()).toBe(0);
  });

  it("commits a scan's transaction once its writes are asked for, without waiting for their answers", async () => {
    const commit = vi.spyOn(IDBTransaction.prototype, 'commit');
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const punch = storedPunch();
    await enqueue(punch);
    expect(commit).toHaveBeenCalledTimes(1);
    expect(put).toHaveBeenCalledTimes(2);
    expect(commit.mock.invocationCallOrder[0]).toBeGreaterThan(Math.max(...put.mock.invocationCallOrder));
    expect(await historyEntry(punch.id)).toMatchObject({ state: 'waiting' });
  });

  it('reads the person without the scan being decided, and a scan that is not a punch leaves no trace', async () => {
    const first = storedPunch({ employeeKey: 'directory:e1' });
    await enqueue(first);
    const changes: OutboxChange[] = [];
    const stop = onOutboxChange((change) => changes.push(change));
    const second = storedPunch({ employeeKey: 'directory:e1' });
    await storeScan(second);
    const seen = await personOnDevice(['directory:e1'], 0, second.atMs, second.id);
    await dropScan(second);
    stop();
    expect(seen.punches.map((p) => p.id)).toEqual([first.id]);
    expect((await peekBatch()).map((p) => p.id)).toEqual([first.id]);
    expect(await historyEntry(second.id)).toBeUndefined();
    expect(changes).toEqual([]);
  });

  it('keeps a scan under the person the directory named, in the outbox, the history and the next read', async () => {
    const scan = storedPunch({ employeeKey: 'externalId:B-77' });
    await storeScan(scan);
    await personRead('directory:k7');
    await keepScan(scan, 'directory:k7');
    expect(await peekBatch()).toEqual([{ ...scan, employeeKey: 'directory:k7' }]);
    expect(await historyEntry(scan.id)).toMatchObject({ employeeKey: 'directory:k7', state: 'waiting' });
    expect((await personRead('directory:k7')).punches.map((p) => p.id)).toEqual([scan.id]);
    expect((await personRead('externalId:B-77')).punches).toEqual([]);
  });

  it('keeps the answer of a scan a drain sent before it was kept, and does not queue it again', async () => {
    const scan = storedPunch({ employeeKey: 'externalId:B-78' });
    await storeScan(scan);
    await personRead('directory:k8');
    await ack([{ id: scan.id, status: 'accepted', name: 'Grace Hopper' }], 5);
    await keepScan(scan, 'directory:k8');
    expect(await count()).toBe(0);
    expect(await historyEntry(scan.id)).toMatchObject({ employeeKey: 'directory:k8', state: 'accepted' });
    expect((await personRead('directory:k8')).punches).toMatchObject([{ id: scan.id, state: 'accepted' }]);
    await closeKioskDb();
    expect((await personRead('directory:k8')).punches).toMatchObject([{ id: scan.id, state: 'accepted' }]);
  });
});

describe('history', () => {
  it("finds one person's punches in a time range", async () => {
    const mine = [1_000, 2_000, 3_000].map((atMs) => storedPunch({ atMs, employeeKey: 'directory:e1' }));
    for (const punch of [...mine, storedPunch({ atMs: 2_500, employeeKey: 'directory:e2' })])
      await enqueue(punch);
    expect((await personRead('directory:e1', 1_500, 3_000)).punches.map((p) => p.atMs)).toEqual([
      2_000, 3_000,
    ]);
  });

  it('lists the newest first and prunes only answered punches', async () => {
    const [old, waiting, recent] = [1_000, 2_000, 9_000].map((atMs) => storedPunch({ atMs }));
    for (const punch of [old, waiting, recent]) if (punch) await enqueue(punch);
    await ack([{ id: old?.id ?? '', status: 'accepted' }], 1);
    expect(await pruneHistory(5_000)).toBe(1);
    expect((await recentHistory(10)).map((p) => p.id)).toEqual([recent?.id, waiting?.id]);
  });
});
