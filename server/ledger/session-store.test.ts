import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeLedgers } from '../testing/ledger-implementations';
import type { AsyncLedger } from './async-ledger';
import type { AdminSessionRecord } from './session-ledger';

function session(idHash: string, createdAtMs: number, lifetimeMs = 1_000): AdminSessionRecord {
  return { idHash, createdAtMs, expiresAtMs: createdAtMs + lifetimeMs };
}

describeLedgers((open) => {
  let ledger: AsyncLedger;
  beforeEach(async () => {
    ledger = await open();
  });
  afterEach(() => ledger.close());

  describe('admin sessions', () => {
    it('finds a stored session until it expires', async () => {
      await ledger.insertAdminSession(session('a', 100), 10);
      expect(await ledger.findAdminSession('a', 100)).toEqual(session('a', 100));
      expect(await ledger.findAdminSession('a', 1_099)).toEqual(session('a', 100));
      expect(await ledger.findAdminSession('a', 1_100)).toBeNull();
      expect(await ledger.findAdminSession('b', 100)).toBeNull();
    });

    it('ends a session on sign-out, leaving the others', async () => {
      await ledger.insertAdminSession(session('a', 100), 10);
      await ledger.insertAdminSession(session('b', 100), 10);
      await ledger.deleteAdminSession('a');
      await ledger.deleteAdminSession('unknown');
      expect(await ledger.findAdminSession('a', 200)).toBeNull();
      expect(await ledger.findAdminSession('b', 200)).toEqual(session('b', 100));
    });

    it('drops the oldest sessions past the limit, and forgets expired ones on the way', async () => {
      await ledger.insertAdminSession(session('old', 100), 3);
      await ledger.insertAdminSession(session('short', 150, 10), 3);
      await ledger.insertAdminSession(session('mid', 200), 3);
      await ledger.insertAdminSession(session('new', 300), 3);
      expect(await ledger.findAdminSession('old', 300)).toEqual(session('old', 100));
      await ledger.insertAdminSession(session('newest', 400), 3);
      expect(await ledger.findAdminSession('old', 400)).toBeNull();
      for (const id of ['mid', 'new', 'newest']) {
        expect(await ledger.findAdminSession(id, 400)).not.toBeNull();
      }
    });

    it('refuses a second session with the same id', async () => {
      await ledger.insertAdminSession(session('a', 100), 10);
      await expect(ledger.insertAdminSession(session('a', 200), 10)).rejects.toThrow();
      expect(await ledger.findAdminSession('a', 200)).toEqual(session('a', 100));
    });
  });
});
