import type { AsyncLedger } from './async-ledger';
import { describeLedgers } from '../testing/ledger-implementations';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newKiosk } from '../testing/ledger-factories';

describeLedgers((open) => {
  let ledger: AsyncLedger;
  beforeEach(async () => {
    ledger = await open();
  });
  afterEach(() => ledger.close());

  describe('kiosks', () => {
    it('stores a kiosk and finds it by id and by token hash', async () => {
      const kiosk = newKiosk({ storagePersisted: true, appVersion: '1.0.0' });
      await ledger.insertKiosk(kiosk, 'hash-1');
      expect(await ledger.getKiosk(kiosk.id)).toEqual(kiosk);
      expect(await ledger.findKioskByTokenHash('hash-1')).toEqual(kiosk);
      expect(await ledger.findKioskByTokenHash('hash-2')).toBeNull();
      expect(await ledger.getKiosk('missing')).toBeNull();
    });

    it('refuses a second kiosk with the same id or token hash', async () => {
      const kiosk = newKiosk();
      await ledger.insertKiosk(kiosk, 'hash-1');
      await expect(ledger.insertKiosk(kiosk, 'hash-2')).rejects.toThrow();
      await expect(ledger.insertKiosk(newKiosk(), 'hash-1')).rejects.toThrow();
    });

    it('lists kiosks in the order they were created', async () => {
      const later = newKiosk({ createdAtMs: 20 });
      const earlier = newKiosk({ createdAtMs: 10 });
      await ledger.insertKiosk(later, 'h-later');
      await ledger.insertKiosk(earlier, 'h-earlier');
      expect((await ledger.listKiosks()).map((k) => k.id)).toEqual([earlier.id, later.id]);
    });

    it.each([
      { patch: { name: 'Back door' }, expected: { name: 'Back door', timeZone: 'Europe/Berlin' } },
      { patch: { timeZone: 'Europe/Madrid' }, expected: { name: 'Front', timeZone: 'Europe/Madrid' } },
      { patch: { name: 'Gate', timeZone: 'UTC' }, expected: { name: 'Gate', timeZone: 'UTC' } },
      { patch: {}, expected: { name: 'Front', timeZone: 'Europe/Berlin' } },
    ])('updates name and zone: $patch', async ({ patch, expected }) => {
      const kiosk = newKiosk({ name: 'Front' });
      await ledger.insertKiosk(kiosk, 'h');
      expect(await ledger.updateKiosk(kiosk.id, patch)).toEqual({ ...kiosk, ...expected });
      expect(await ledger.getKiosk(kiosk.id)).toEqual({ ...kiosk, ...expected });
    });

    it('answers null when updating or revoking an unknown kiosk', async () => {
      expect(await ledger.updateKiosk('missing', { name: 'x' })).toBeNull();
      expect(await ledger.revokeKiosk('missing', 1)).toBeNull();
    });

    it('a revoked kiosk is never found by token, and keeps its first revocation time', async () => {
      const kiosk = newKiosk();
      await ledger.insertKiosk(kiosk, 'h');
      expect((await ledger.revokeKiosk(kiosk.id, 500))?.revokedAtMs).toBe(500);
      expect((await ledger.revokeKiosk(kiosk.id, 900))?.revokedAtMs).toBe(500);
      expect(await ledger.findKioskByTokenHash('h')).toBeNull();
      expect((await ledger.getKiosk(kiosk.id))?.revokedAtMs).toBe(500);
    });

    it('replacing the token stops the old one at once', async () => {
      const kiosk = newKiosk();
      await ledger.insertKiosk(kiosk, 'old');
      await ledger.replaceKioskToken(kiosk.id, 'new');
      expect(await ledger.findKioskByTokenHash('old')).toBeNull();
      expect((await ledger.findKioskByTokenHash('new'))?.id).toBe(kiosk.id);
    });

    it('records status reports, keeping fields a report leaves out', async () => {
      const kiosk = newKiosk();
      await ledger.insertKiosk(kiosk, 'h');
      await ledger.reportKioskStatus(kiosk.id, {
        pendingOnDevice: 3,
        appVersion: '1.2.0',
        storagePersisted: true,
        lastSyncAtMs: 100,
        clockErrorMs: -250,
        lastSeenAtMs: 200,
      });
      await ledger.reportKioskStatus(kiosk.id, { pendingOnDevice: 0, lastSeenAtMs: 300 });
      expect(await ledger.getKiosk(kiosk.id)).toEqual({
        ...kiosk,
        pendingOnDevice: 0,
        appVersion: '1.2.0',
        storagePersisted: true,
        lastSyncAtMs: 100,
        clockErrorMs: -250,
        lastSeenAtMs: 300,
      });
      await ledger.reportKioskStatus(kiosk.id, { storagePersisted: null, lastSyncAtMs: null });
      expect(await ledger.getKiosk(kiosk.id)).toMatchObject({ storagePersisted: null, lastSyncAtMs: null });
    });
  });

  describe('pairing codes', () => {
    async function kioskWithCode(code: string, expiresAtMs: number) {
      const kiosk = newKiosk();
      await ledger.insertKiosk(kiosk, `h-${kiosk.id}`);
      await ledger.insertPairingCode(code, kiosk.id, expiresAtMs);
      return kiosk;
    }

    it('a code works once, before it expires', async () => {
      const kiosk = await kioskWithCode('ABC123', 1_000);
      expect(await ledger.consumePairingCode('ABC123', 999)).toBe(kiosk.id);
      expect(await ledger.consumePairingCode('ABC123', 999)).toBeNull();
    });

    it.each([
      { name: 'unknown', code: 'NOPE', nowMs: 0 },
      { name: 'expired at its expiry instant', code: 'ABC123', nowMs: 1_000 },
      { name: 'expired later', code: 'ABC123', nowMs: 5_000 },
    ])('refuses a code that is $name', async ({ code, nowMs }) => {
      await kioskWithCode('ABC123', 1_000);
      expect(await ledger.consumePairingCode(code, nowMs)).toBeNull();
    });

    it('revoking voids the codes issued before; a code issued after re-pairs the kiosk, active again', async () => {
      const kiosk = await kioskWithCode('ABC123', 1_000);
      await ledger.revokeKiosk(kiosk.id, 1);
      expect(await ledger.consumePairingCode('ABC123', 2)).toBeNull();
      await ledger.insertPairingCode('AFTER', kiosk.id, 1_000);
      expect(await ledger.consumePairingCode('AFTER', 3)).toBe(kiosk.id);
      await ledger.replaceKioskToken(kiosk.id, 'new-token-hash');
      expect(await ledger.findKioskByTokenHash('new-token-hash')).toMatchObject({
        id: kiosk.id,
        revokedAtMs: null,
      });
    });

    it('deletes only a revoked kiosk', async () => {
      const kiosk = await kioskWithCode('ABC123', 1_000);
      expect(await ledger.deleteRevokedKiosk(kiosk.id)).toBe(false);
      await ledger.revokeKiosk(kiosk.id, 1);
      expect(await ledger.deleteRevokedKiosk(kiosk.id)).toBe(true);
      expect(await ledger.getKiosk(kiosk.id)).toBeNull();
    });

    it("a new code voids the kiosk's earlier unused ones, and pairing voids the others", async () => {
      const kiosk = await kioskWithCode('FIRST', 1_000);
      await ledger.insertPairingCode('SECOND', kiosk.id, 1_000);
      expect(await ledger.consumePairingCode('FIRST', 1)).toBeNull();
      const other = await kioskWithCode('OTHER', 1_000);
      await ledger.insertPairingCode('THIRD', kiosk.id, 1_000);
      expect(await ledger.consumePairingCode('THIRD', 1)).toBe(kiosk.id);
      expect(await ledger.consumePairingCode('SECOND', 1)).toBeNull();
      expect(await ledger.consumePairingCode('OTHER', 1)).toBe(other.id);
    });

    it('refuses a code for a kiosk that does not exist', async () => {
      await expect(ledger.insertPairingCode('X', 'missing', 1)).rejects.toThrow();
    });
  });
});
