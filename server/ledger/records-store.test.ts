import type { AsyncLedger } from './async-ledger';
import { describeLedgers } from '../testing/ledger-implementations';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, DirectoryEmployee } from './ledger';

describeLedgers((open) => {
  let ledger: AsyncLedger;
  beforeEach(async () => {
    ledger = await open();
  });
  afterEach(() => ledger.close());

  function employee(overrides: Partial<DirectoryEmployee> = {}): DirectoryEmployee {
    return {
      userId: 'u1',
      email: 'ana@demo.example',
      externalId: 'B-1001',
      isActive: true,
      displayName: 'Ana',
      ...overrides,
    };
  }

  function audit(overrides: Partial<AuditEntry> = {}): AuditEntry {
    return {
      atMs: 1_000,
      actor: 'admin',
      action: 'punch.discard',
      target: 'kiosk-1/p1',
      reason: 'test punch',
      detail: { from: 'failed' },
      ...overrides,
    };
  }

  describe('directory cache', () => {
    it('is empty until saved', async () => {
      expect(await ledger.loadDirectory()).toBeNull();
    });

    it('keeps the last snapshot whole, in order, replacing the previous one', async () => {
      await ledger.saveDirectory(
        [employee(), employee({ userId: 'u2', email: null, externalId: null })],
        100,
      );
      const latest = [
        employee({ userId: 'u3', isActive: false, displayName: 'Zoe' }),
        employee({ userId: 'u1', email: 'other@demo.example' }),
      ];
      await ledger.saveDirectory(latest, 200);
      expect(await ledger.loadDirectory()).toEqual({ employees: latest, fetchedAtMs: 200 });
    });

    it('an empty list is a snapshot too', async () => {
      await ledger.saveDirectory([], 300);
      expect(await ledger.loadDirectory()).toEqual({ employees: [], fetchedAtMs: 300 });
    });
  });

  describe('audit log', () => {
    it('lists entries newest first, up to the limit, before an instant', async () => {
      const entries = [audit({ atMs: 1 }), audit({ atMs: 3, reason: null }), audit({ atMs: 2, detail: {} })];
      for (const entry of entries) await ledger.appendAudit(entry);
      expect(await ledger.listAudit(10)).toEqual([entries[1], entries[2], entries[0]]);
      expect(await ledger.listAudit(1)).toEqual([entries[1]]);
      expect(await ledger.listAudit(10, 3)).toEqual([entries[2], entries[0]]);
    });
  });

  describe("Kenjo's pause", () => {
    it('is null until set, and only ever lengthens', async () => {
      expect(await ledger.kenjoPausedUntil()).toBeNull();
      expect(await ledger.extendKenjoPause(5_000)).toBe(5_000);
      expect(await ledger.extendKenjoPause(3_000)).toBe(5_000);
      expect(await ledger.kenjoPausedUntil()).toBe(5_000);
      expect(await ledger.extendKenjoPause(8_000)).toBe(8_000);
      expect(await ledger.kenjoPausedUntil()).toBe(8_000);
    });

    it('keeps the latest of pauses extended at the same moment', async () => {
      const untils = [4_000, 9_000, 2_000, 7_000, 9_500, 1_000];
      await Promise.all(untils.map((untilMs) => ledger.extendKenjoPause(untilMs)));
      expect(await ledger.kenjoPausedUntil()).toBe(9_500);
    });
  });

  describe('settings', () => {
    it('reads null until set, then the latest value', async () => {
      expect(await ledger.getSetting('salt')).toBeNull();
      await ledger.setSetting('salt', 'a');
      await ledger.setSetting('salt', 'b');
      expect(await ledger.getSetting('salt')).toBe('b');
    });

    it('keeps the first value proposed, whoever proposes one later or at the same time', async () => {
      const proposed = await Promise.all(
        ['a', 'b', 'c'].map((value) => ledger.firstSetting('secret', value)),
      );
      expect(new Set(proposed).size).toBe(1);
      expect(await ledger.firstSetting('secret', 'd')).toBe(proposed[0]);
      expect(await ledger.getSetting('secret')).toBe(proposed[0]);
    });
  });
});
