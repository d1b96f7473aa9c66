import { expect, it } from 'vitest';
import { newKiosk } from '../../testing/ledger-factories';
import { LedgerUnavailableError } from '../ledger-unavailable';
import { describePostgres } from '../../testing/postgres-fixture';
import { findPostgresBin, startThrowawayPostgres } from '../../testing/throwaway-postgres';
import { openPostgresLedger } from './postgres-ledger';

/** A server of its own: stopping the run's shared one would fail every other file's tests. */
describePostgres('the PostgreSQL ledger while its database restarts', () => {
  it('fails calls while the database is down, then works again by itself, also after a cut transaction or savepoint', async () => {
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

      // It goes away inside a savepoint: the caller that catches the savepoint's failure learns that it is out of
      // reach, not the driver's words for a connection that cannot roll back.
      const inSavepoint = ledger.atomically(async () => {
        const failure: unknown = await ledger
          .atomically(async () => {
            await server.pause();
            await ledger.getKiosk(kiosk.id);
          })
          .catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(LedgerUnavailableError);
      });
      await expect(inSavepoint).rejects.toBeInstanceOf(LedgerUnavailableError);
      await server.resume();
      expect(await ledger.getKiosk(kiosk.id)).toMatchObject({ name: 'Back' });
    } finally {
      await ledger.close();
      await server.stop();
    }
  });
});
