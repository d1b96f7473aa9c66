import { openDB, type IDBPDatabase } from 'idb';
import { forget } from './people';
import { DB_NAME, DB_VERSION, upgradeKioskDb, type KioskDb } from './schema';

let connection: Promise<IDBPDatabase<KioskDb>> | null = null;

/** The one shared connection; reopened after the browser closed it or another tab needed to upgrade. */
export function kioskDb(): Promise<IDBPDatabase<KioskDb>> {
  connection ??= openDB<KioskDb>(DB_NAME, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgradeKioskDb(db, oldVersion, tx),
    blocking: () => void closeKioskDb(),
    terminated: () => {
      connection = null;
      forget();
    },
  });
  return connection;
}

/** Closes the connection and forgets it (a newer tab upgrades, or a test simulates a restart). */
export async function closeKioskDb(): Promise<void> {
  const open = connection;
  connection = null;
  forget();
  if (open) (await open).close();
}
