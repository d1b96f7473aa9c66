import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, DirectoryEmployee, Ledger } from './ledger';
import { memoryLedger } from '../testing/ledger-factories';

let ledger: Ledger;
beforeEach(() => {
  ledger = memoryLedger();
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
  it('is empty until saved', () => {
    expect(ledger.loadDirectory()).toBeNull();
  });

  it('keeps the last snapshot whole, in order, replacing the previous one', () => {
    ledger.saveDirectory([employee(), employee({ userId: 'u2', email: null, externalId: null })], 100);
    const latest = [
      employee({ userId: 'u3', isActive: false, displayName: 'Zoe' }),
      employee({ userId: 'u1', email: 'other@demo.example' }),
    ];
    ledger.saveDirectory(latest, 200);
    expect(ledger.loadDirectory()).toEqual({ employees: latest, fetchedAtMs: 200 });
  });

  it('an empty list is a snapshot too', () => {
    ledger.saveDirectory([], 300);
    expect(ledger.loadDirectory()).toEqual({ employees: [], fetchedAtMs: 300 });
  });
});

describe('audit log', () => {
  it('lists entries newest first, up to the limit, before an instant', () => {
    const entries = [audit({ atMs: 1 }), audit({ atMs: 3, reason: null }), audit({ atMs: 2, detail: {} })];
    for (const entry of entries) ledger.appendAudit(entry);
    expect(ledger.listAudit(10)).toEqual([entries[1], entries[2], entries[0]]);
    expect(ledger.listAudit(1)).toEqual([entries[1]]);
    expect(ledger.listAudit(10, 3)).toEqual([entries[2], entries[0]]);
  });
});

describe('settings', () => {
  it('reads null until set, then the latest value', () => {
    expect(ledger.getSetting('salt')).toBeNull();
    ledger.setSetting('salt', 'a');
    ledger.setSetting('salt', 'b');
    expect(ledger.getSetting('salt')).toBe('b');
  });
});
