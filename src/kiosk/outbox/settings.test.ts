import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDevice } from '../../testing/punch-factory';
import { closeKioskDb } from './db';
import { readSetting, writeSetting, type Settings } from './settings';

beforeEach(resetDevice);
afterEach(() => vi.restoreAllMocks());

describe('writeSetting', () => {
  it.each<[keyof Settings, Settings[keyof Settings], IDBTransactionDurability]>([
    ['token', 'kiosk-token', 'strict'],
    ['lastSyncAt', '2026-02-04T08:00:00+01:00', 'relaxed'],
    ['language', 'de', 'relaxed'],
    ['sound', false, 'relaxed'],
  ])(
    'writes %s (%j) with %s durability, and keeps it across a reopened connection',
    async (key, value, durability) => {
      const open = vi.spyOn(IDBDatabase.prototype, 'transaction');
      await writeSetting(key, value);
      expect(
        open.mock.calls.filter(([, mode]) => mode === 'readwrite').map(([, , o]) => o?.durability),
      ).toEqual([durability]);
      await closeKioskDb();
      expect(await readSetting(key)).toEqual(value);
    },
  );
});
