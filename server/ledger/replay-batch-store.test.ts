import type { AsyncLedger } from './async-ledger';
import { describeLedgers } from '../testing/ledger-implementations';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storePunch, type StoredPunch } from '../testing/ledger-factories';

describeLedgers((open) => {
  let ledger: AsyncLedger;
  beforeEach(async () => {
    ledger = await open();
  });
  afterEach(() => ledger.close());

  const T = Date.UTC(2026, 1, 4, 8);

  const store = (name: string, overrides?: StoredPunch) => storePunch(ledger, name, overrides);

  const statusOf = async (id: string) => (await ledger.getPunch('kiosk-1', id))?.status;

  describe('nextChainHead', () => {
    it.each<{ name: string; punches: [string, StoredPunch][]; head: string | null }>([
      {
        name: 'the earliest unsettled punch by at, then seq',
        punches: [
          ['a2', { employeeKey: 'a', atMs: T + 10 }],
          ['a1', { employeeKey: 'a', atMs: T }],
          ['a1-tie', { employeeKey: 'a', atMs: T }],
        ],
        head: 'a1',
      },
      {
        name: 'settled punches are skipped',
        punches: [
          ['sent', { employeeKey: 'a', atMs: T, status: 'sent' }],
          ['ignored', { employeeKey: 'a', atMs: T + 1, status: 'ignored' }],
          ['discarded', { employeeKey: 'a', atMs: T + 2, status: 'discarded' }],
          ['next', { employeeKey: 'a', atMs: T + 3 }],
        ],
        head: 'next',
      },
      {
        name: 'a failed head is the head (it holds its chain back)',
        punches: [
          ['failed', { employeeKey: 'a', atMs: T, status: 'failed' }],
          ['queued', { employeeKey: 'a', atMs: T + 1 }],
        ],
        head: 'failed',
      },
      {
        name: 'a head not yet due is still the head',
        punches: [['later', { employeeKey: 'a', atMs: T, nextAttemptAtMs: T + 99_000 }]],
        head: 'later',
      },
      {
        name: 'other employees do not count',
        punches: [['b1', { employeeKey: 'b', atMs: T }]],
        head: null,
      },
      {
        name: 'an employee whose punches are all sent has none',
        punches: [['sent', { employeeKey: 'a', atMs: T, status: 'sent' }]],
        head: null,
      },
    ])('$name', async ({ punches, head }) => {
      for (const [name, overrides] of punches) await store(name, overrides);
      expect((await ledger.nextChainHead('a'))?.id ?? null).toBe(head);
      expect((await ledger.nextChainHeads(['a'])).get('a')?.id ?? null).toBe(head);
    });

    it('reads several chains at once, each as nextChainHead does, leaving out empty ones', async () => {
      await store('a2', { employeeKey: 'a', atMs: T + 1 });
      await store('a1', { employeeKey: 'a', atMs: T, status: 'sending' });
      await store('b1', { employeeKey: 'b', atMs: T + 5, nextAttemptAtMs: T + 99_000 });
      await store('b0', { employeeKey: 'b', atMs: T, status: 'sent' });
      await store('c1', { employeeKey: 'c', atMs: T, status: 'sent' });
      const heads = await ledger.nextChainHeads(['a', 'b', 'c', 'nobody', 'a']);
      expect([...heads.keys()].sort()).toEqual(['a', 'b']);
      expect(heads.get('a')).toEqual(await ledger.nextChainHead('a'));
      expect(heads.get('b')).toEqual(await ledger.nextChainHead('b'));
      expect((await ledger.nextChainHeads([])).size).toBe(0);
    });

    it('agrees with dueChainHeads on a due head', async () => {
      await store('a2', { employeeKey: 'a', atMs: T + 1 });
      await store('a1', { employeeKey: 'a', atMs: T, status: 'sending' });
      expect(await ledger.nextChainHead('a')).toEqual((await ledger.dueChainHeads(T, 10, new Set()))[0]);
    });
  });

  describe('chainHeadsAround', () => {
    const HOUR = 3_600_000;

    it('answers each head as nextChainHeads does, a queued one with its neighbours in order', async () => {
      await store('a-head', { employeeKey: 'a', atMs: T });
      await store('a-later', { employeeKey: 'a', atMs: T + HOUR }); // queued: not a neighbour's status
      await store('a-sent-2', { employeeKey: 'a', atMs: T - HOUR, status: 'sent' });
      await store('a-sent-1', { employeeKey: 'a', atMs: T - 2 * HOUR, status: 'sent' });
      await store('a-far', { employeeKey: 'a', atMs: T - 5 * HOUR, status: 'sent' }); // out of reach
      await store('a-ignored', { employeeKey: 'a', atMs: T - HOUR, status: 'ignored' });
      await store('b-head', { employeeKey: 'b', atMs: T, status: 'sending' });
      await store('b-sent', { employeeKey: 'b', atMs: T - HOUR, status: 'sent' });
      await store('c-head', { employeeKey: 'c', atMs: T });
      await store('x-sent', { employeeKey: 'x', atMs: T, status: 'sent' });

      const around = await ledger.chainHeadsAround(['a', 'b', 'c', 'x', 'nobody'], 3 * HOUR, [
        'sending',
        'sent',
      ]);

      const heads = await ledger.nextChainHeads(['a', 'b', 'c', 'x', 'nobody']);
      expect([...around.keys()].sort()).toEqual([...heads.keys()].sort());
      for (const [key, head] of heads) expect(around.get(key)?.head).toEqual(head);
      expect(around.get('a')?.near?.map((p) => p.id)).toEqual(['a-sent-1', 'a-sent-2']);
      expect(around.get('a')?.near?.[0]).toEqual(await ledger.getPunch('kiosk-1', 'a-sent-1'));
      expect(around.get('b')?.near).toBeNull();
      expect(around.get('c')?.near).toEqual([]);
      expect((await ledger.chainHeadsAround([], HOUR, ['sent'])).size).toBe(0);
    });
  });

  describe('atomically', () => {
    it('applies every change made inside and answers what the work returned', async () => {
      await store('p1');
      await store('p2');
      const answer = await ledger.atomically(async () => {
        await ledger.transition('kiosk-1', 'p1', { from: ['queued'], to: 'sending' });
        await ledger.transition('kiosk-1', 'p2', { from: ['queued'], to: 'sent' });
        return 'done';
      });
      expect(answer).toBe('done');
      expect([await statusOf('p1'), await statusOf('p2')]).toEqual(['sending', 'sent']);
    });

    it('undoes every change when the work throws', async () => {
      await store('p1');
      await expect(
        ledger.atomically(async () => {
          await ledger.transition('kiosk-1', 'p1', { from: ['queued'], to: 'sending' });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await statusOf('p1')).toBe('queued');
    });

    it('undoes only a nested call that throws when the caller catches it', async () => {
      await store('p1');
      await store('p2');
      await ledger.atomically(async () => {
        await ledger.transition('kiosk-1', 'p1', { from: ['queued'], to: 'sending' });
        try {
          await ledger.atomically(async () => {
            await ledger.transition('kiosk-1', 'p2', { from: ['queued'], to: 'sending' });
            throw new Error('only this one');
          });
        } catch {
          // the outer work goes on
        }
      });
      expect([await statusOf('p1'), await statusOf('p2')]).toEqual(['sending', 'queued']);
    });

    it('keeps the nested calls that ended when a later one throws, and undoes only that one', async () => {
      for (const id of ['p1', 'p2', 'p3', 'p4']) await store(id);
      const moveIn = (id: string, fail: boolean) =>
        ledger
          .atomically(async () => {
            await ledger.transition('kiosk-1', id, { from: ['queued'], to: 'sending' });
            if (fail) throw new Error(`undo ${id}`);
          })
          .catch(() => undefined);
      await ledger.atomically(async () => {
        await moveIn('p1', false);
        await moveIn('p2', false);
        await moveIn('p3', true);
        await ledger.transition('kiosk-1', 'p4', { from: ['queued'], to: 'sending' });
      });
      const statuses = await Promise.all(['p1', 'p2', 'p3', 'p4'].map(statusOf));
      expect(statuses).toEqual(['sending', 'sending', 'queued', 'sending']);
    });

    it('keeps a change made from outside while a transaction is open when that transaction is undone', async () => {
      await store('p1');
      await store('p2');
      let opened: (() => void) | undefined;
      const begun = new Promise<void>((resolve) => (opened = resolve));
      let release: (() => void) | undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      const undone = ledger.atomically(async () => {
        await ledger.transition('kiosk-1', 'p1', { from: ['queued'], to: 'sending' });
        opened?.();
        await released;
        throw new Error('undo');
      });
      await begun;
      const outside = ledger.transition('kiosk-1', 'p2', { from: ['queued'], to: 'sent' });
      release?.();
      await expect(undone).rejects.toThrow('undo');
      expect((await outside)?.status).toBe('sent');
      expect([await statusOf('p1'), await statusOf('p2')]).toEqual(['queued', 'sent']);
    });

    it('lets a second transaction lock an employee only once the first one has ended', async () => {
      let opened: (() => void) | undefined;
      const begun = new Promise<void>((resolve) => (opened = resolve));
      let release: (() => void) | undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      const first = ledger.atomically(async () => {
        await ledger.lockEmployees(['emp-1']);
        opened?.();
        await released;
      });
      await begun;
      let locked = false;
      const second = ledger.atomically(async () => {
        await ledger.lockEmployees(['emp-2', 'emp-1']);
        locked = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(locked).toBe(false);
      release?.();
      await Promise.all([first, second]);
      expect(locked).toBe(true);
    });

    it('lets reads inside see the changes made before them', async () => {
      await store('a1', { employeeKey: 'a', atMs: T });
      await store('a2', { employeeKey: 'a', atMs: T + 1 });
      const next = await ledger.atomically(async () => {
        await ledger.transition('kiosk-1', 'a1', { from: ['queued'], to: 'sent' });
        return (await ledger.nextChainHead('a'))?.id;
      });
      expect(next).toBe('a2');
    });
  });
});
