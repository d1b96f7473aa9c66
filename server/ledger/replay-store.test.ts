import type { AsyncLedger } from './async-ledger';
import { describeLedgers } from '../testing/ledger-implementations';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerStatus } from './ledger';
import { storePunch, type StoredPunch } from '../testing/ledger-factories';
import { kenjoReasons, punchReason } from '../../core/punch-reason';

const closes = punchReason(
  'overnight-closes',
  { start: '2026-02-03T22:00:00', elapsedMs: 28_800_000 },
  'closes',
);

describeLedgers((open) => {
  let ledger: AsyncLedger;
  beforeEach(async () => {
    ledger = await open();
  });
  afterEach(() => ledger.close());

  const T = Date.UTC(2026, 1, 4, 8);
  const NOW = T + 3_600_000;

  const store = (name: string, overrides?: StoredPunch) => storePunch(ledger, name, overrides);

  describe('dueChainHeads', () => {
    it.each<{
      name: string;
      punches: [string, StoredPunch][];
      exclude?: string[];
      limit?: number;
      heads: string[];
    }>([
      {
        name: 'the earliest unsettled punch of each employee, oldest head first',
        punches: [
          ['a2', { employeeKey: 'a', atMs: T + 20 }],
          ['a1', { employeeKey: 'a', atMs: T + 10 }],
          ['b1', { employeeKey: 'b', atMs: T + 5 }],
        ],
        heads: ['b1', 'a1'],
      },
      {
        name: 'ties on at broken by seq',
        punches: [
          ['first', { employeeKey: 'a', atMs: T }],
          ['second', { employeeKey: 'a', atMs: T }],
        ],
        heads: ['first'],
      },
      {
        name: 'a late arrival with an earlier at becomes the head',
        punches: [
          ['on-time', { employeeKey: 'a', atMs: T + 60 }],
          ['late', { employeeKey: 'a', atMs: T }],
        ],
        heads: ['late'],
      },
      {
        name: 'settled punches are not part of the chain',
        punches: [
          ['sent', { employeeKey: 'a', atMs: T, status: 'sent' }],
          ['ignored', { employeeKey: 'a', atMs: T + 1, status: 'ignored' }],
          ['discarded', { employeeKey: 'a', atMs: T + 2, status: 'discarded' }],
          ['rejected', { employeeKey: 'a', atMs: T + 3, status: 'rejected' }],
          ['next', { employeeKey: 'a', atMs: T + 4 }],
        ],
        heads: ['next'],
      },
      {
        name: 'a failed head holds its chain back, not other chains',
        punches: [
          ['a-failed', { employeeKey: 'a', atMs: T, status: 'failed' }],
          ['a-queued', { employeeKey: 'a', atMs: T + 10 }],
          ['b1', { employeeKey: 'b', atMs: T + 20 }],
        ],
        heads: ['b1'],
      },
      {
        name: 'a failed punch later than the head does not hold it',
        punches: [
          ['a1', { employeeKey: 'a', atMs: T }],
          ['a-failed', { employeeKey: 'a', atMs: T + 10, status: 'failed' }],
        ],
        heads: ['a1'],
      },
      {
        name: 'a sending head is returned (it must be read back before anything else)',
        punches: [
          ['a-sending', { employeeKey: 'a', atMs: T, status: 'sending' }],
          ['a2', { employeeKey: 'a', atMs: T + 1 }],
        ],
        heads: ['a-sending'],
      },
      {
        name: 'a head not yet due holds its chain; due now or earlier is returned',
        punches: [
          ['a-later', { employeeKey: 'a', atMs: T, nextAttemptAtMs: NOW + 1 }],
          ['a2', { employeeKey: 'a', atMs: T + 1 }],
          ['b-now', { employeeKey: 'b', atMs: T + 2, nextAttemptAtMs: NOW }],
          ['c-past', { employeeKey: 'c', atMs: T + 3, nextAttemptAtMs: NOW - 1 }],
        ],
        heads: ['b-now', 'c-past'],
      },
      {
        name: 'excluded employees are skipped whole',
        punches: [
          ['a1', { employeeKey: 'a', atMs: T }],
          ['a2', { employeeKey: 'a', atMs: T + 1 }],
          ['b1', { employeeKey: 'b', atMs: T + 2 }],
        ],
        exclude: ['a'],
        heads: ['b1'],
      },
      {
        name: 'punches without an employee key are never heads',
        punches: [
          ['unresolved', { employeeKey: null, atMs: T }],
          ['a1', { employeeKey: 'a', atMs: T + 1 }],
        ],
        heads: ['a1'],
      },
      {
        name: 'at most limit heads, the oldest',
        punches: [
          ['c1', { employeeKey: 'c', atMs: T + 3 }],
          ['a1', { employeeKey: 'a', atMs: T + 1 }],
          ['b1', { employeeKey: 'b', atMs: T + 2 }],
        ],
        limit: 2,
        heads: ['a1', 'b1'],
      },
    ])('$name', async ({ punches, exclude = [], limit = 100, heads }) => {
      for (const [name, overrides] of punches) await store(name, overrides);
      expect((await ledger.dueChainHeads(NOW, limit, new Set(exclude))).map((p) => p.id)).toEqual(heads);
    });

    it('moves to the next punch once the head is sent', async () => {
      await store('a1', { employeeKey: 'a', atMs: T });
      await store('a2', { employeeKey: 'a', atMs: T + 1 });
      await ledger.transition('kiosk-1', 'a1', { from: ['queued'], to: 'sent', deliveredAtMs: NOW });
      expect((await ledger.dueChainHeads(NOW, 10, new Set())).map((p) => p.id)).toEqual(['a2']);
    });
  });

  describe('transition', () => {
    it('applies every field of the change and returns the updated punch', async () => {
      const punch = await store('p', { employeeKey: null, employee: { externalId: 'B-1' } });
      const updated = await ledger.transition(punch.kioskId, punch.id, {
        from: ['queued'],
        to: 'sent',
        reason: kenjoReasons.refused(400, 'why'),
        employeeKey: 'emp-9',
        employee: { email: 'new@demo.example' },
        isOvernightShift: true,
        overnightReason: closes,
        incrementAttempts: true,
        lastError: 'timeout',
        nextAttemptAtMs: 123,
        deliveredAtMs: 456,
      });
      const expected = {
        ...punch,
        seq: expect.any(Number),
        status: 'sent',
        reason: 'Kenjo refused it (400): why',
        reasonCode: { code: 'kenjo-refused', params: { status: 400, message: 'why' } },
        employeeKey: 'emp-9',
        employee: { email: 'new@demo.example' },
        isOvernightShift: true,
        overnightReason: closes.text,
        overnightReasonCode: { code: closes.code, params: closes.params },
        attempts: 1,
        lastError: 'timeout',
        nextAttemptAtMs: 123,
        deliveredAtMs: 456,
      };
      expect(updated).toEqual(expected);
      expect(await ledger.getPunch(punch.kioskId, punch.id)).toEqual(expected);
    });

    it('keeps a coded reason while the reason is absent, and clears its code for plain words', async () => {
      const punch = await store('p', {});
      await ledger.transition(punch.kioskId, punch.id, {
        from: ['queued'],
        to: 'failed',
        reason: kenjoReasons.refused(400, 'why'),
        overnightReason: closes,
      });
      const kept = await ledger.transition(punch.kioskId, punch.id, { from: ['failed'], to: 'failed' });
      expect(kept?.reasonCode?.code).toBe('kenjo-refused');
      const plain = await ledger.transition(punch.kioskId, punch.id, {
        from: ['failed'],
        to: 'discarded',
        reason: 'an operator’s words',
        overnightReason: null,
      });
      expect(plain).toMatchObject({
        reason: 'an operator’s words',
        reasonCode: null,
        overnightReason: null,
        overnightReasonCode: null,
      });
    });

    it('leaves absent fields alone and sets null ones to null', async () => {
      const punch = await store('p', {});
      await ledger.transition(punch.kioskId, punch.id, {
        from: ['queued'],
        to: 'sending',
        isOvernightShift: false,
        overnightReason: 'no open entry',
        lastError: 'boom',
        incrementAttempts: true,
      });
      const after = await ledger.transition(punch.kioskId, punch.id, {
        from: ['sending'],
        to: 'queued',
        lastError: null,
      });
      expect(after).toMatchObject({
        status: 'queued',
        isOvernightShift: false,
        overnightReason: 'no open entry',
        lastError: null,
        attempts: 1,
        employeeKey: punch.employeeKey,
      });
    });

    it.each<{ from: LedgerStatus[]; stored: LedgerStatus }>([
      { from: ['sending'], stored: 'queued' },
      { from: ['queued', 'failed'], stored: 'sent' },
      { from: [], stored: 'queued' },
    ])('refuses when the punch is $stored, not in $from, and changes nothing', async ({ from, stored }) => {
      const punch = await store('p', { status: stored });
      const before = await ledger.getPunch(punch.kioskId, punch.id);
      expect(
        await ledger.transition(punch.kioskId, punch.id, { from, to: 'discarded', reason: 'x' }),
      ).toBeNull();
      expect(await ledger.getPunch(punch.kioskId, punch.id)).toEqual(before);
    });

    it('with whileAttempts, applies only while the punch is at that attempt, and otherwise changes nothing', async () => {
      const punch = await store('p', {});
      const claim = { from: ['queued' as const], to: 'sending' as const, incrementAttempts: true };
      const first = await ledger.transition(punch.kioskId, punch.id, { ...claim, whileAttempts: 0 });
      expect(first?.attempts).toBe(1);
      // Another claim of the same punch came after the first: the first's outcome must not land on it.
      await ledger.transition(punch.kioskId, punch.id, { from: ['sending'], to: 'queued', whileAttempts: 1 });
      await ledger.transition(punch.kioskId, punch.id, { ...claim, whileAttempts: 1 });
      const before = await ledger.getPunch(punch.kioskId, punch.id);
      expect(before).toMatchObject({ status: 'sending', attempts: 2 });
      expect(
        await ledger.transition(punch.kioskId, punch.id, {
          from: ['sending'],
          to: 'queued',
          whileAttempts: 1,
        }),
      ).toBeNull();
      expect(await ledger.getPunch(punch.kioskId, punch.id)).toEqual(before);
      expect(
        await ledger.transition(punch.kioskId, punch.id, { from: ['sending'], to: 'sent', whileAttempts: 2 }),
      ).toMatchObject({ status: 'sent', attempts: 2 });
    });

    it('with seq, applies only to the punch of that seq, and another seq changes nothing', async () => {
      await store('other');
      const punch = await store('p');
      const stored = await ledger.getPunch(punch.kioskId, punch.id);
      if (stored === null) throw new Error('the punch was not stored');
      const claim = { from: ['queued' as const], to: 'sending' as const, incrementAttempts: true };
      for (const seq of [stored.seq - 1, stored.seq + 1]) {
        expect(await ledger.transition(punch.kioskId, punch.id, { ...claim, seq })).toBeNull();
      }
      expect(await ledger.getPunch(punch.kioskId, punch.id)).toEqual(stored);
      expect(await ledger.getPunch(punch.kioskId, 'other')).toMatchObject({ status: 'queued', attempts: 0 });
      expect(await ledger.transition(punch.kioskId, punch.id, { ...claim, seq: stored.seq })).toMatchObject({
        status: 'sending',
        attempts: 1,
      });
    });

    it('answers null for an unknown punch', async () => {
      expect(await ledger.transition('kiosk-1', 'missing', { from: ['queued'], to: 'sent' })).toBeNull();
    });
  });

  describe('transitions', () => {
    const seqOf = async (punch: { kioskId: string; id: string }) =>
      (await ledger.getPunch(punch.kioskId, punch.id))?.seq ?? -1;

    it('applies each change as transition would, answering in order, null where the guard refuses', async () => {
      const [a, b, c] = [await store('a'), await store('b', { status: 'sent' }), await store('c')];
      const answers = await ledger.transitions([
        {
          kioskId: a.kioskId,
          id: a.id,
          change: {
            from: ['queued'],
            to: 'sending',
            incrementAttempts: true,
            isOvernightShift: true,
            seq: await seqOf(a),
          },
        },
        { kioskId: b.kioskId, id: b.id, change: { from: ['queued'], to: 'sending', seq: await seqOf(b) } },
        {
          kioskId: c.kioskId,
          id: c.id,
          change: {
            from: ['queued', 'sending'],
            to: 'failed',
            reason: kenjoReasons.refused(400, 'why'),
            seq: await seqOf(c),
          },
        },
      ]);
      expect(answers.map((p) => p?.id ?? null)).toEqual(['a', null, 'c']);
      expect(await ledger.getPunch(a.kioskId, a.id)).toMatchObject({
        status: 'sending',
        attempts: 1,
        isOvernightShift: true,
        reason: null,
      });
      expect(await ledger.getPunch(b.kioskId, b.id)).toMatchObject({ status: 'sent', attempts: 0 });
      expect(answers[2]).toEqual(await ledger.getPunch(c.kioskId, c.id));
      expect(answers[2]).toMatchObject({ status: 'failed', reasonCode: { code: 'kenjo-refused' } });
    });

    it('changes nothing for a wrong seq or a stale attempt count, and answers nothing for no change', async () => {
      const [a, b] = [await store('a'), await store('b')];
      const claim = { from: ['queued' as const], to: 'sending' as const, incrementAttempts: true };
      const answers = await ledger.transitions([
        { kioskId: a.kioskId, id: a.id, change: { ...claim, seq: await seqOf(b) } },
        { kioskId: b.kioskId, id: b.id, change: { ...claim, whileAttempts: 1, seq: await seqOf(b) } },
      ]);
      expect(answers).toEqual([null, null]);
      expect((await ledger.countByStatus()).queued).toBe(2);
      expect(await ledger.transitions([])).toEqual([]);
    });
  });

  describe('replay reads', () => {
    it('unresolvedPunches: queued punches without an employee key, oldest first', async () => {
      await store('u1', { employeeKey: null });
      await store('u2', { employeeKey: null });
      await store('u-rejected', { employeeKey: null, status: 'rejected' });
      await store('known', { employeeKey: 'a' });
      expect((await ledger.unresolvedPunches(10)).map((p) => p.id)).toEqual(['u1', 'u2']);
      expect((await ledger.unresolvedPunches(1)).map((p) => p.id)).toEqual(['u1']);
    });

    it('backlog and countByStatus', async () => {
      expect(await ledger.backlog(NOW)).toEqual({ waiting: 0, oldestReceivedAtMs: null, failed: 0 });
      await store('q', { receivedAtMs: 300 });
      await store('s', { receivedAtMs: 200, status: 'sending' });
      await store('f', { receivedAtMs: 100, status: 'failed' });
      await store('sent', { receivedAtMs: 50, status: 'sent' });
      await store('i', { status: 'ignored' });
      expect(await ledger.backlog(NOW)).toEqual({ waiting: 2, oldestReceivedAtMs: 200, failed: 1 });
      expect(await ledger.countByStatus()).toEqual({
        queued: 1,
        sending: 1,
        sent: 1,
        ignored: 1,
        rejected: 0,
        failed: 1,
        discarded: 0,
      });
    });
  });
});
