import type { AsyncLedger } from './async-ledger';
import { describeLedgers } from '../testing/ledger-implementations';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerStatus, PunchFilter } from './ledger';
import { insertPunches, newPunch } from '../testing/ledger-factories';
import { arrivalReasons } from '../../core/punch-reason';

describeLedgers((open) => {
  let ledger: AsyncLedger;
  beforeEach(async () => {
    ledger = await open();
  });
  afterEach(() => ledger.close());

  describe('insertPunches', () => {
    it('stores every field and reads it back, with defaults for replay fields', async () => {
      const punch = newPunch({ employee: { email: 'ana@demo.example' }, employeeKey: null, reason: null });
      expect(await insertPunches(ledger, [punch])).toEqual(['inserted']);
      expect(await ledger.getPunch(punch.kioskId, punch.id)).toEqual({
        ...punch,
        seq: expect.any(Number),
        reasonCode: null,
        isOvernightShift: null,
        overnightReason: null,
        overnightReasonCode: null,
        attempts: 0,
        lastError: null,
        nextAttemptAtMs: null,
        deliveredAtMs: null,
      });
    });

    it('stores a coded reason as its sentence, with its code and parameters beside it', async () => {
      const reason = arrivalReasons.clockAhead(600, 300);
      const punch = newPunch({ status: 'rejected', reason });
      await insertPunches(ledger, [punch]);
      expect(await ledger.getPunch(punch.kioskId, punch.id)).toMatchObject({
        reason: reason.text,
        reasonCode: { code: 'clock-ahead', params: { aheadS: 600, limitS: 300 } },
      });
    });

    it.each([
      { name: 'externalId', employee: { externalId: 'B-1042' } },
      { name: 'email', employee: { email: 'a@b.c' } },
      { name: 'userId', employee: { userId: '5f0c' } },
    ])('keeps the $name identifier as sent', async ({ employee }) => {
      const punch = newPunch({ employee });
      await insertPunches(ledger, [punch]);
      expect((await ledger.getPunch(punch.kioskId, punch.id))?.employee).toEqual(employee);
    });

    it('answers duplicate for an id the kiosk already sent, and changes nothing', async () => {
      const first = newPunch({ status: 'queued' });
      const again = {
        ...first,
        at: '2030-01-01T00:00:00Z',
        status: 'rejected' as const,
        reason: 'different',
      };
      const other = newPunch();
      expect(await insertPunches(ledger, [first])).toEqual(['inserted']);
      const stored = await ledger.getPunch(first.kioskId, first.id);
      expect(await insertPunches(ledger, [again, other, { ...other }])).toEqual([
        'duplicate',
        'inserted',
        'duplicate',
      ]);
      expect(await ledger.getPunch(first.kioskId, first.id)).toEqual(stored);
    });

    it('scopes ids to the kiosk', async () => {
      const punch = newPunch();
      expect(await insertPunches(ledger, [punch, { ...punch, kioskId: 'kiosk-2' }])).toEqual([
        'inserted',
        'inserted',
      ]);
    });

    it('stores a batch all or nothing', async () => {
      const good = newPunch();
      const bad = newPunch({ status: 'nonsense' as 'queued' });
      await expect(insertPunches(ledger, [good, bad])).rejects.toThrow();
      expect(await ledger.getPunch(good.kioskId, good.id)).toBeNull();
    });

    it('gives increasing seq in insertion order', async () => {
      const punches = [newPunch(), newPunch(), newPunch()];
      await insertPunches(ledger, punches);
      const seqs = await Promise.all(
        punches.map(async (p) => (await ledger.getPunch(p.kioskId, p.id))?.seq ?? 0),
      );
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(3);
    });
  });

  describe('getPunch', () => {
    it('answers null for an unknown punch', async () => {
      expect(await ledger.getPunch('kiosk-1', 'nope')).toBeNull();
    });
  });

  describe('punchesOfEmployeeBetween', () => {
    it('returns the employee’s live punches in the range, in time order, inclusive', async () => {
      const base = Date.UTC(2026, 1, 4, 8);
      const at = (minutes: number) => base + minutes * 60_000;
      const punches = [
        newPunch({ atMs: at(30), status: 'queued' }),
        newPunch({ atMs: at(0), status: 'queued' }),
        newPunch({ atMs: at(60), status: 'ignored', reason: 'double scan' }),
        newPunch({ atMs: at(61), status: 'rejected', reason: 'unknown' }),
        newPunch({ atMs: at(90) }),
        newPunch({ atMs: at(10), employeeKey: 'emp-2' }),
        newPunch({ atMs: at(-1) }),
        newPunch({ atMs: at(91) }),
      ];
      await insertPunches(ledger, punches);
      const found = await ledger.punchesOfEmployeeBetween('emp-1', at(0), at(90));
      expect(found.map((p) => p.atMs)).toEqual([at(0), at(30), at(90)]);
      const ranges = ['emp-1', 'emp-2', 'emp-3'].map((employeeKey) => ({
        employeeKey,
        fromMs: at(0),
        toMs: at(90),
      }));
      const live: LedgerStatus[] = ['queued', 'sending', 'sent', 'failed'];
      const several = await ledger.punchesOfEmployeesBetween(ranges, live);
      expect([...several.keys()].sort()).toEqual(['emp-1', 'emp-2']);
      expect(several.get('emp-1')).toEqual(found);
      expect(several.get('emp-2')).toEqual(await ledger.punchesOfEmployeeBetween('emp-2', at(0), at(90)));
      expect((await ledger.punchesOfEmployeesBetween([], live)).size).toBe(0);
      const ignored = await ledger.punchesOfEmployeesBetween(ranges, ['ignored']);
      expect([...ignored.entries()].map(([key, list]) => [key, list.map((p) => p.atMs)])).toEqual([
        ['emp-1', [at(60)]],
      ]);
      expect((await ledger.punchesOfEmployeesBetween(ranges, ['sent'])).size).toBe(0);
    });
  });

  describe('listPunches', () => {
    async function seed() {
      const base = Date.UTC(2026, 1, 4, 8);
      const punches = [
        newPunch({ atMs: base + 1, kioskId: 'k-a', employeeKey: 'emp-1', employee: { externalId: 'B-1' } }),
        newPunch({ atMs: base + 2, kioskId: 'k-a', employeeKey: 'emp-2', employee: { email: 'x@y.z' } }),
        newPunch({ atMs: base + 3, kioskId: 'k-b', employeeKey: null, employee: { externalId: 'B-9' } }),
        newPunch({ atMs: base + 4, kioskId: 'k-b', employeeKey: 'emp-1', status: 'rejected', reason: 'r' }),
        newPunch({ atMs: base + 5, kioskId: 'k-a', employeeKey: 'emp-2', status: 'ignored', reason: 'i' }),
      ];
      await insertPunches(ledger, punches);
      return { base, ids: punches.map((p) => p.id) };
    }

    it.each<{ name: string; filter: (base: number) => Omit<PunchFilter, 'limit'>; expected: number[] }>([
      { name: 'no filter', filter: () => ({}), expected: [4, 3, 2, 1, 0] },
      { name: 'status', filter: () => ({ status: ['rejected', 'ignored'] }), expected: [4, 3] },
      { name: 'empty status list', filter: () => ({ status: [] }), expected: [4, 3, 2, 1, 0] },
      { name: 'kiosk', filter: () => ({ kioskId: 'k-b' }), expected: [3, 2] },
      { name: 'employee key', filter: () => ({ employeeKey: 'emp-1' }), expected: [3, 0] },
      { name: 'employee by key', filter: () => ({ employee: 'emp-2' }), expected: [4, 1] },
      { name: 'employee by identifier', filter: () => ({ employee: 'B-9' }), expected: [2] },
      { name: 'employee by email', filter: () => ({ employee: 'x@y.z' }), expected: [1] },
      {
        name: 'any of several employees',
        filter: () => ({ employees: ['emp-2', 'B-9'] }),
        expected: [4, 2, 1],
      },
      { name: 'none of no employees', filter: () => ({ employees: [] }), expected: [] },
      { name: 'from', filter: (base) => ({ fromMs: base + 4 }), expected: [4, 3] },
      { name: 'to', filter: (base) => ({ toMs: base + 2 }), expected: [1, 0] },
      {
        name: 'combined',
        filter: (base) => ({ kioskId: 'k-a', status: ['queued'], fromMs: base + 2, toMs: base + 9 }),
        expected: [1],
      },
    ])('filters by $name, newest first', async ({ filter, expected }) => {
      const { base, ids } = await seed();
      const page = await ledger.listPunches({ ...filter(base), limit: 50 });
      expect(page.punches.map((p) => p.id)).toEqual(expected.map((i) => ids[i]));
      expect(page.nextCursor).toBeNull();
    });

    it('pages with a cursor until the end, without gaps or repeats', async () => {
      const { ids } = await seed();
      const seen: string[] = [];
      let cursor: number | undefined;
      const cursors: (number | null)[] = [];
      do {
        const page = await ledger.listPunches(cursor === undefined ? { limit: 2 } : { limit: 2, cursor });
        seen.push(...page.punches.map((p) => p.id));
        cursors.push(page.nextCursor);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect(seen).toEqual([...ids].reverse());
      expect(cursors.at(-1)).toBeNull();
      expect(cursors).toHaveLength(3);
    });

    it('caps the page size at 500', async () => {
      await insertPunches(
        ledger,
        Array.from({ length: 501 }, () => newPunch()),
      );
      const page = await ledger.listPunches({ limit: 10_000 });
      expect(page.punches).toHaveLength(500);
      expect(page.nextCursor).toBe(page.punches.at(-1)?.seq);
    });
  });
});
