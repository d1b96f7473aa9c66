import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger } from './ledger';
import { memoryLedger, newKiosk } from '../testing/ledger-factories';

let ledger: Ledger;
beforeEach(() => {
  ledger = memoryLedger();
});
afterEach(() => ledger.close());

describe('kiosks', () => {
  it('stores a kiosk and finds it by id and by token hash', () => {
    const kiosk = newKiosk({ storagePersisted: true, appVersion: '1.0.0' });
    ledger.insertKiosk(kiosk, 'hash-1');
    expect(ledger.getKiosk(kiosk.id)).toEqual(kiosk);
    expect(ledger.findKioskByTokenHash('hash-1')).toEqual(kiosk);
    expect(ledger.findKioskByTokenHash('hash-2')).toBeNull();
    expect(ledger.getKiosk('missing')).toBeNull();
  });

  it('refuses a second kiosk with the same id or token hash', () => {
    const kiosk = newKiosk();
    ledger.insertKiosk(kiosk, 'hash-1');
    expect(() => ledger.insertKiosk(kiosk, 'hash-2')).toThrow();
    expect(() => ledger.insertKiosk(newKiosk(), 'hash-1')).toThrow();
  });

  it('lists kiosks in the order they were created', () => {
    const later = newKiosk({ createdAtMs: 20 });
    const earlier = newKiosk({ createdAtMs: 10 });
    ledger.insertKiosk(later, 'h-later');
    ledger.insertKiosk(earlier, 'h-earlier');
    expect(ledger.listKiosks().map((k) => k.id)).toEqual([earlier.id, later.id]);
  });

  it.each([
    { patch: { name: 'Back door' }, expected: { name: 'Back door', timeZone: 'Europe/Berlin' } },
    { patch: { timeZone: 'Europe/Madrid' }, expected: { name: 'Front', timeZone: 'Europe/Madrid' } },
    { patch: { name: 'Gate', timeZone: 'UTC' }, expected: { name: 'Gate', timeZone: 'UTC' } },
    { patch: {}, expected: { name: 'Front', timeZone: 'Europe/Berlin' } },
  ])('updates name and zone: $patch', ({ patch, expected }) => {
    const kiosk = newKiosk({ name: 'Front' });
    ledger.insertKiosk(kiosk, 'h');
    expect(ledger.updateKiosk(kiosk.id, patch)).toEqual({ ...kiosk, ...expected });
    expect(ledger.getKiosk(kiosk.id)).toEqual({ ...kiosk, ...expected });
  });

  it('answers null when updating or revoking an unknown kiosk', () => {
    expect(ledger.updateKiosk('missing', { name: 'x' })).toBeNull();
    expect(ledger.revokeKiosk('missing', 1)).toBeNull();
  });

  it('a revoked kiosk is never found by token, and keeps its first revocation time', () => {
    const kiosk = newKiosk();
    ledger.insertKiosk(kiosk, 'h');
    expect(ledger.revokeKiosk(kiosk.id, 500)?.revokedAtMs).toBe(500);
    expect(ledger.revokeKiosk(kiosk.id, 900)?.revokedAtMs).toBe(500);
    expect(ledger.findKioskByTokenHash('h')).toBeNull();
    expect(ledger.getKiosk(kiosk.id)?.revokedAtMs).toBe(500);
  });

  it('replacing the token stops the old one at once', () => {
    const kiosk = newKiosk();
    ledger.insertKiosk(kiosk, 'old');
    ledger.replaceKioskToken(kiosk.id, 'new');
    expect(ledger.findKioskByTokenHash('old')).toBeNull();
    expect(ledger.findKioskByTokenHash('new')?.id).toBe(kiosk.id);
  });

  it('records status reports, keeping fields a report leaves out', () => {
    const kiosk = newKiosk();
    ledger.insertKiosk(kiosk, 'h');
    ledger.reportKioskStatus(kiosk.id, {
      pendingOnDevice: 3,
      appVersion: '1.2.0',
      storagePersisted: true,
      lastSyncAtMs: 100,
      clockErrorMs: -250,
      lastSeenAtMs: 200,
    });
    ledger.reportKioskStatus(kiosk.id, { pendingOnDevice: 0, lastSeenAtMs: 300 });
    expect(ledger.getKiosk(kiosk.id)).toEqual({
      ...kiosk,
      pendingOnDevice: 0,
      appVersion: '1.2.0',
      storagePersisted: true,
      lastSyncAtMs: 100,
      clockErrorMs: -250,
      lastSeenAtMs: 300,
    });
    ledger.reportKioskStatus(kiosk.id, { storagePersisted: null, lastSyncAtMs: null });
    expect(ledger.getKiosk(kiosk.id)).toMatchObject({ storagePersisted: null, lastSyncAtMs: null });
  });
});

describe('pairing codes', () => {
  function kioskWithCode(code: string, expiresAtMs: number) {
    const kiosk = newKiosk();
    ledger.insertKiosk(kiosk, `h-${kiosk.id}`);
    ledger.insertPairingCode(code, kiosk.id, expiresAtMs);
    return kiosk;
  }

  it('a code works once, before it expires', () => {
    const kiosk = kioskWithCode('ABC123', 1_000);
    expect(ledger.consumePairingCode('ABC123', 999)).toBe(kiosk.id);
    expect(ledger.consumePairingCode('ABC123', 999)).toBeNull();
  });

  it.each([
    { name: 'unknown', code: 'NOPE', nowMs: 0 },
    { name: 'expired at its expiry instant', code: 'ABC123', nowMs: 1_000 },
    { name: 'expired later', code: 'ABC123', nowMs: 5_000 },
  ])('refuses a code that is $name', ({ code, nowMs }) => {
    kioskWithCode('ABC123', 1_000);
    expect(ledger.consumePairingCode(code, nowMs)).toBeNull();
  });

  it('refuses the code of a revoked kiosk', () => {
    const kiosk = kioskWithCode('ABC123', 1_000);
    ledger.revokeKiosk(kiosk.id, 1);
    expect(ledger.consumePairingCode('ABC123', 2)).toBeNull();
  });

  it("a new code voids the kiosk's earlier unused ones, and pairing voids the others", () => {
    const kiosk = kioskWithCode('FIRST', 1_000);
    ledger.insertPairingCode('SECOND', kiosk.id, 1_000);
    expect(ledger.consumePairingCode('FIRST', 1)).toBeNull();
    const other = kioskWithCode('OTHER', 1_000);
    ledger.insertPairingCode('THIRD', kiosk.id, 1_000);
    expect(ledger.consumePairingCode('THIRD', 1)).toBe(kiosk.id);
    expect(ledger.consumePairingCode('SECOND', 1)).toBeNull();
    expect(ledger.consumePairingCode('OTHER', 1)).toBe(other.id);
  });

  it('refuses a code for a kiosk that does not exist', () => {
    expect(() => ledger.insertPairingCode('X', 'missing', 1)).toThrow();
  });
});
