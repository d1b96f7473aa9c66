import { expect, it } from 'vitest';
import { newKiosk } from '../../testing/ledger-factories';
import { describePostgres } from '../../testing/postgres-fixture';
import { findPostgresBin, startThrowawayPostgres } from '../../testing/throwaway-postgres';
import { openPostgresLedger } from './postgres-ledger';

/** A server of its own: stopping the run's shared one would fail every other file's tests. */
describePostgres('the PostgreSQL ledger while its database restarts', () => {
  it('fails calls while the database is down, then works again by itself, also after a cut transaction', async () => {
    const server = await startThrowawayPostgres(findPostgresBin() ?? '');
    const ledger = await openPostgresLedger(server.url);
    try {
      const kiosk = newKiosk();
      await ledger.insertKiosk(kiosk, 'hash');

      await server.pause();
      await expect(ledger.getKiosk(kiosk.id)).rejects.toThrow();
      await expect(ledger.atomically(() => ledger.getKiosk(kiosk.id))).rejects.toThrow();
      await server.resume();
      expect(await ledger.getKiosk(kiosk.id)).toEqual(kiosk);

      // The database goes away in the middle of a transaction: nothing of it is kept, and its connection is not reused.
      const cut = ledger.atomically(async () => {
        await ledger.updateKiosk(kiosk.id, { name: 'Renamed' });
        await server.pause();
        await ledger.getKiosk(kiosk.id);
      });
      await expect(cut).rejects.toThrow();
      await server.resume();
      expect(await ledger.atomically(() => ledger.getKiosk(kiosk.id))).toEqual(kiosk);
      expect(await ledger.updateKiosk(kiosk.id, { name: 'Back' })).toMatchObject({ name: 'Back' });
    } finally {
      await ledger.close();
      await server.stop();
    }
  });
});
