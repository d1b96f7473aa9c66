import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BATCH_SIZE, type Punch } from '../../../core/punch';
import type { PunchAnswer } from '../outbox/outbox';
import { count } from '../outbox/outbox';
import { historyEntry } from '../outbox/history';
import { readSetting } from '../outbox/settings';
import { enqueue, resetDevice, storedPunch } from '../../testing/punch-factory';
import { createSyncEngine, type SyncEngineOptions } from './sync-engine';

beforeEach(resetDevice);

type Answer = (punch: Punch) => PunchAnswer | null;

/** A stand-in for the proxy: records every batch, answers each punch with `answer` (null: no answer for it). */
function fakeProxy(answer: Answer = (p) => ({ id: p.id, status: 'accepted' })) {
  const batches: Punch[][] = [];
  let mode: 'up' | 'down' | 'revoked' = 'up';
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    if (mode === 'down') throw new TypeError('Failed to fetch');
    if (mode === 'revoked')
      return new Response('{"error":{"code":"unauthorized","message":"no"}}', { status: 401 });
    const body = JSON.parse(String(init?.body)) as { sentAt: string; punches: Punch[] };
    batches.push(body.punches);
    const results = body.punches.map(answer).filter((r): r is PunchAnswer => r !== null);
    return Response.json({ results });
  });
  return { fetch, batches, setMode: (next: typeof mode) => (mode = next) };
}

function engineFor(proxy: ReturnType<typeof fakeProxy>, overrides: Partial<SyncEngineOptions> = {}) {
  const delays: number[] = [];
  const engine = createSyncEngine({
    fetch: proxy.fetch,
    getToken: async () => 'kiosk-token',
    timeZone: () => 'Europe/Berlin',
    onRevoked: () => undefined,
    random: () => 0.5,
    locks: null,
    schedule: (_run, delayMs) => {
      delays.push(delayMs);
      return () => undefined;
    },
    ...overrides,
  });
  return { engine, delays };
}

async function enqueueMany(n: number) {
  const punches = Array.from({ length: n }, () => storedPunch());
  for (const punch of punches) await enqueue(punch);
  return punches;
}

async function enqueueOne() {
  const punch = storedPunch();
  await enqueue(punch);
  return punch;
}

describe('sync engine', () => {
  it('sends the outbox in batches no larger than the limit, oldest first, each punch once', async () => {
    const punches = await enqueueMany(5);
    const proxy = fakeProxy();
    const { engine } = engineFor(proxy);
    await engine.trigger();
    expect(proxy.batches.map((b) => b.length)).toEqual([5]);
    // Only the protocol's fields leave the device.
    expect(proxy.batches.flat()).toEqual(punches.map(({ id, employee, at }) => ({ id, employee, at })));
    expect(await count()).toBe(0);
    expect(engine.status()).toMatchObject({ failures: 0, sending: false });
    expect(await readSetting('lastSyncAt')).toMatch(/^\d{4}-\d{2}-\d{2}T.*\+01:00$/);
  });

  it('reads the outbox, sends, and takes in the answers only when settle allows it (no answer being prepared)', async () => {
    const punch = await enqueueOne();
    const proxy = fakeProxy();
    const waiting: Array<() => void> = [];
    const settle = vi.fn(() => new Promise<void>((resolve) => waiting.push(resolve)));
    const allowNext = async (callsBefore: number) => {
      await vi.waitFor(() => expect(settle).toHaveBeenCalledTimes(callsBefore));
      waiting.shift()?.();
    };
    const reads = vi.spyOn(IDBIndex.prototype, 'getAll');
    const { engine } = engineFor(proxy, { settle });
    const sent = engine.trigger();
    await vi.waitFor(() => expect(settle).toHaveBeenCalledTimes(1));
    expect(reads).not.toHaveBeenCalled();
    await allowNext(1);
    // Read; the request waits for an answer prepared meanwhile.
    await vi.waitFor(() => expect(settle).toHaveBeenCalledTimes(2));
    expect(reads).toHaveBeenCalledOnce();
    expect(proxy.fetch).not.toHaveBeenCalled();
    await allowNext(2);
    await vi.waitFor(() => expect(settle).toHaveBeenCalledTimes(3));
    expect(proxy.batches).toHaveLength(1);
    expect((await historyEntry(punch.id))?.state).toBe('waiting');
    await allowNext(3);
    // The answers are stored; the status the drain ends with waits for settle once more.
    await vi.waitFor(() => expect(settle).toHaveBeenCalledTimes(4));
    expect(await count()).toBe(0);
    expect((await historyEntry(punch.id))?.state).toBe('accepted');
    expect(engine.status()).toMatchObject({ sending: true, lastSyncAt: null });
    await allowNext(4);
    await sent;
    expect(engine.status()).toMatchObject({ sending: false, failures: 0 });
    expect(engine.status().lastSyncAt).not.toBeNull();
    reads.mockRestore();
  });

  it('sends 2,500 punches as batches of 1,000, 1,000 and 500', async () => {
    await enqueueMany(2_500);
    const proxy = fakeProxy();
    await engineFor(proxy).engine.trigger();
    expect(proxy.batches.map((b) => b.length)).toEqual([1_000, 1_000, 500]);
  });

  it('keeps punches the proxy did not answer for and retries later', async () => {
    const answered = await enqueueOne();
    const unanswered = await enqueueOne();
    const proxy = fakeProxy((p) => (p.id === answered.id ? { id: p.id, status: 'accepted' } : null));
    const { engine, delays } = engineFor(proxy);
    await engine.trigger();
    expect(await count()).toBe(1);
    expect(await historyEntry(unanswered.id)).toMatchObject({ state: 'waiting' });
    expect(delays).toHaveLength(1);
  });

  it('keeps a punch whose answer is not one of the three a punch can have, and retries later', async () => {
    const [garbled, foreign] = [await enqueueOne(), await enqueueOne()];
    // A 200 from something that is not the proxy, or a proxy of another version: nothing says the punch is stored.
    const proxy = fakeProxy((p) =>
      p.id === garbled.id
        ? ({ id: p.id, status: 'queued' } as unknown as PunchAnswer)
        : ({ id: p.id, status: undefined } as unknown as PunchAnswer),
    );
    const { engine, delays } = engineFor(proxy);
    await engine.trigger();
    expect(await count()).toBe(2);
    expect(await historyEntry(garbled.id)).toMatchObject({ state: 'waiting' });
    expect(await historyEntry(foreign.id)).toMatchObject({ state: 'waiting' });
    expect(delays).toHaveLength(1);
  });

  it('keeps a rejected punch in history with its reason', async () => {
    const punch = await enqueueOne();
    const proxy = fakeProxy((p) => ({ id: p.id, status: 'rejected', reason: 'unknown employee' }));
    await engineFor(proxy).engine.trigger();
    expect(await count()).toBe(0);
    expect(await historyEntry(punch.id)).toMatchObject({ state: 'rejected', reason: 'unknown employee' });
  });

  it('backs off exponentially while the proxy is unreachable and resets once it answers', async () => {
    await enqueueMany(1);
    const proxy = fakeProxy();
    proxy.setMode('down');
    const { engine, delays } = engineFor(proxy);
    for (let i = 0; i < 4; i += 1) await engine.trigger();
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(await count()).toBe(1);
    proxy.setMode('up');
    await engine.trigger();
    expect(await count()).toBe(0);
    expect(engine.status()).toMatchObject({ failures: 0, retryAtMs: null });
  });

  it('sends a new punch at once while sends succeed, and leaves it to the retry timer while they fail', async () => {
    const proxy = fakeProxy();
    const retries: Array<() => void> = [];
    const { engine } = engineFor(proxy, {
      schedule: (run) => {
        retries.push(run);
        return () => undefined;
      },
    });
    await enqueueOne();
    engine.punched();
    await vi.waitFor(async () => expect(await count()).toBe(0));
    proxy.setMode('down');
    await enqueueOne();
    engine.punched();
    await vi.waitFor(() => expect(engine.status().failures).toBe(1));
    expect(proxy.fetch).toHaveBeenCalledTimes(2);
    await enqueueOne();
    engine.punched();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(proxy.fetch).toHaveBeenCalledTimes(2);
    expect(engine.status()).toMatchObject({ sending: false, failures: 1 });
    proxy.setMode('up');
    retries[0]?.();
    await vi.waitFor(async () => expect(await count()).toBe(0));
    expect(engine.status().failures).toBe(0);
    expect(proxy.batches.map((b) => b.length)).toEqual([1, 2]);
  });

  it('sends a punch made during a retry right after it, once that retry reached the proxy', async () => {
    await enqueueOne();
    const proxy = fakeProxy();
    proxy.setMode('down');
    let duringRetry: (() => Promise<void>) | null = null;
    const { engine } = engineFor({
      ...proxy,
      fetch: vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
        const made = duringRetry;
        duringRetry = null;
        await made?.();
        return proxy.fetch(url, init);
      }),
    });
    await engine.trigger();
    expect(engine.status().failures).toBe(1);
    proxy.setMode('up');
    duringRetry = async () => {
      await enqueue(storedPunch());
      engine.punched();
    };
    await engine.trigger();
    expect(proxy.batches.map((b) => b.length)).toEqual([1, 1]);
    expect(await count()).toBe(0);
  });

  it('treats a 401 as revocation: keeps the outbox, stops sending, tells the app', async () => {
    await enqueueMany(2);
    const proxy = fakeProxy();
    proxy.setMode('revoked');
    const onRevoked = vi.fn();
    const { engine, delays } = engineFor(proxy, { onRevoked });
    await engine.trigger();
    await engine.trigger();
    expect(onRevoked).toHaveBeenCalledOnce();
    expect(proxy.fetch).toHaveBeenCalledOnce();
    expect(delays).toEqual([]);
    expect(await count()).toBe(2);
    expect(engine.status().revoked).toBe(true);
  });

  it('sends a punch made during a drain right after it', async () => {
    await enqueueMany(1);
    const proxy = fakeProxy();
    let madeDuringSend = false;
    const engine = engineFor({
      ...proxy,
      fetch: vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
        if (!madeDuringSend) {
          madeDuringSend = true;
          await enqueue(storedPunch());
          void engine.trigger();
        }
        return proxy.fetch(url, init);
      }),
    }).engine;
    await engine.trigger();
    expect(proxy.batches.map((b) => b.length)).toEqual([1, 1]);
    expect(await count()).toBe(0);
  });

  it('reads the outbox once for a batch short of the limit, and again after a full one', async () => {
    await enqueueMany(3);
    let reads = vi.spyOn(IDBIndex.prototype, 'getAll');
    await engineFor(fakeProxy()).engine.trigger();
    expect(reads).toHaveBeenCalledOnce();
    reads.mockRestore();
    await enqueueMany(MAX_BATCH_SIZE);
    reads = vi.spyOn(IDBIndex.prototype, 'getAll');
    await engineFor(fakeProxy()).engine.trigger();
    // The full batch, then the empty outbox.
    expect(reads).toHaveBeenCalledTimes(2);
    reads.mockRestore();
  });

  it('never sends a punch twice when two engines of one page sync at once, without Web Locks', async () => {
    await enqueueMany(3);
    const proxy = fakeProxy();
    const [first, second] = [engineFor(proxy).engine, engineFor(proxy).engine];
    await Promise.all([first.trigger(), second.trigger()]);
    expect(proxy.batches.flat()).toHaveLength(3);
  });

  it("holds the origin's Web Lock around each drain, so two tabs never send at once", async () => {
    await enqueueMany(3);
    const proxy = fakeProxy();
    const held: string[] = [];
    let active = 0;
    let overlapped = false;
    let queue: Promise<unknown> = Promise.resolve();
    // The browser's lock manager, shared by every tab of the origin: one holder per name at a time.
    const locks = {
      request: (name: string, work: () => Promise<unknown>) => {
        const run = queue.then(async () => {
          held.push(name);
          overlapped ||= active > 0;
          active += 1;
          try {
            return await work();
          } finally {
            active -= 1;
          }
        });
        queue = run.catch(() => undefined);
        return run;
      },
    } as unknown as LockManager;
    const [tabA, tabB] = [engineFor(proxy, { locks }).engine, engineFor(proxy, { locks }).engine];
    await Promise.all([tabA.trigger(), tabB.trigger()]);
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(new Set(held)).toEqual(new Set(['kiosk-sync']));
    expect(overlapped).toBe(false);
    expect(proxy.batches.flat()).toHaveLength(3);
  });

  it('sends a punch written just before a crash exactly once after the restart', async () => {
    const punch = await enqueueOne();
    // The page dies between the write and the send: all module state is gone, only IndexedDB remains.
    vi.resetModules();
    const reloaded = await import('./sync-engine');
    const proxy = fakeProxy();
    const engine = reloaded.createSyncEngine({
      fetch: proxy.fetch,
      getToken: async () => 'kiosk-token',
      timeZone: () => 'Europe/Berlin',
      onRevoked: () => undefined,
      locks: null,
    });
    await engine.trigger();
    await engine.trigger();
    expect(proxy.batches.flat().map((p) => p.id)).toEqual([punch.id]);
  });
});
