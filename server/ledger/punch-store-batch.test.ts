import type { AsyncLedger } from './async-ledger';
import { describeLedgers } from '../testing/ledger-implementations';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';
import { migrate } from './migrations';
import { PUNCH_TIMES_SQL, STORED_IDS_SQL } from './punch-store';
import { insertPunches, newKiosk, newPunch } from '../testing/ledger-factories';

describeLedgers((open) => {
  let ledger: AsyncLedger;
  beforeEach(async () => {
    ledger = await open();
  });
  afterEach(() => ledger.close());

  const base = Date.UTC(2026, 1, 4, 8);
  const at = (minutes: number) => base + minutes * 60_000;

  describe('insertKioskBatch', () => {
    it('records the kiosk as seen and inserts the punches, answering duplicate for stored ids', async () => {
      const kiosk = newKiosk({ clockErrorMs: 5, lastSeenAtMs: 1, appVersion: '1.2.0' });
      await ledger.insertKiosk(kiosk, 'hash');
      const first = newPunch({ kioskId: kiosk.id });
      await insertPunches(ledger, [first]);
      const second = newPunch({ kioskId: kiosk.id });
      const seen = { kioskId: kiosk.id, clockErrorMs: -1200, lastSeenAtMs: 99 };
      expect(await ledger.insertKioskBatch(seen, [first, second])).toEqual(['duplicate', 'inserted']);
      expect((await ledger.getPunch(kiosk.id, second.id))?.status).toBe('queued');
      expect(await ledger.getKiosk(kiosk.id)).toEqual({ ...kiosk, clockErrorMs: -1200, lastSeenAtMs: 99 });
    });

    it('records the kiosk as seen for an empty batch', async () => {
      const kiosk = newKiosk();
      await ledger.insertKiosk(kiosk, 'hash');
      expect(
        await ledger.insertKioskBatch({ kioskId: kiosk.id, clockErrorMs: 0, lastSeenAtMs: 7 }, []),
      ).toEqual([]);
      expect(await ledger.getKiosk(kiosk.id)).toMatchObject({ clockErrorMs: 0, lastSeenAtMs: 7 });
    });

    it('stores nothing, not even the kiosk as seen, when one punch fails', async () => {
      const kiosk = newKiosk();
      await ledger.insertKiosk(kiosk, 'hash');
      const good = newPunch({ kioskId: kiosk.id });
      const bad = newPunch({ kioskId: kiosk.id, status: 'nonsense' as 'queued' });
      const seen = { kioskId: kiosk.id, clockErrorMs: 3, lastSeenAtMs: 3 };
      await expect(ledger.insertKioskBatch(seen, [good, bad])).rejects.toThrow();
      expect(await ledger.getPunch(kiosk.id, good.id)).toBeNull();
      expect(await ledger.getKiosk(kiosk.id)).toEqual(kiosk);
    });
  });

  describe('storedPunchIds', () => {
    it.each([
      { name: 'none asked', ask: [] as number[], expected: [] as number[] },
      { name: 'some stored, some not', ask: [0, 2, 3], expected: [0, 2] },
      { name: 'another kiosk’s id', ask: [1], expected: [] },
    ])('answers the stored ones: $name', async ({ ask, expected }) => {
      const punches = [newPunch(), newPunch({ kioskId: 'kiosk-2' }), newPunch(), newPunch()];
      await insertPunches(ledger, punches.slice(0, 3));
      const ids = (indexes: number[]) => indexes.map((i) => punches[i]?.id ?? '');
      expect(await ledger.storedPunchIds('kiosk-1', ids(ask))).toEqual(new Set(ids(expected)));
    });
  });

  describe('punchTimesBetween', () => {
    it('answers the instants that count as recorded, per employee within its own range, inclusive', async () => {
      await insertPunches(ledger, [
        newPunch({ atMs: at(0) }),
        newPunch({ atMs: at(5) }),
        newPunch({ atMs: at(6) }),
        newPunch({ atMs: at(1), status: 'ignored', reason: 'double scan' }),
        newPunch({ atMs: at(2), status: 'rejected', reason: 'unknown' }),
        newPunch({ atMs: at(3), employeeKey: 'emp-2' }),
        newPunch({ atMs: at(9), employeeKey: 'emp-2' }),
        newPunch({ atMs: at(4), employeeKey: 'emp-3' }),
      ]);
      const times = await ledger.punchTimesBetween([
        { employeeKey: 'emp-1', fromMs: at(0), toMs: at(5) },
        { employeeKey: 'emp-2', fromMs: at(4), toMs: at(10) },
        { employeeKey: 'emp-4', fromMs: at(0), toMs: at(10) },
      ]);
      expect(new Map([...times].map(([key, list]) => [key, [...list].sort((a, b) => a - b)]))).toEqual(
        new Map([
          ['emp-1', [at(0), at(5)]],
          ['emp-2', [at(9)]],
        ]),
      );
    });

    it('answers nothing for no ranges', async () => {
      await insertPunches(ledger, [newPunch()]);
      expect((await ledger.punchTimesBetween([])).size).toBe(0);
    });
  });

  describe('batch queries use indexes', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const plan = (sql: string, params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((row) => row.detail)
        .join('\n');

    it.each([
      { name: 'stored ids', sql: STORED_IDS_SQL, params: ['k', '[]'], index: 'sqlite_autoindex_punches_1' },
      { name: 'punch times', sql: PUNCH_TIMES_SQL, params: ['[]'], index: 'punches_employee_at' },
    ])('$name seek $index', async ({ sql, params, index }) => {
      const detail = plan(sql, params);
      expect(detail).toContain(index);
      expect(detail).not.toMatch(/SCAN (punches|p)(?! USING)/);
    });
  });
});
