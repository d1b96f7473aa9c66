/**
 * The SQLite ledger: one file, `${DATA_DIR}/ledger.sqlite` (WAL beside it), holding
 * - `punches`: every punch a kiosk sent, keyed by (kiosk_id, id), with its status, delivery attempts and the
 *   overnight decision (`punch-store.ts` for ingest and the operators' list, `replay-store.ts` for replay);
 * - `kiosks` (only token hashes) and `pairing_codes` (`kiosk-store.ts`);
 * - `directory_employees` + `directory_snapshot`, `audit_log`, `settings` (`records-store.ts`);
 * - `admin_sessions`, the console's sessions by the hash of their id (`session-store.ts`).
 * The schema is in `migrations.ts`. Every write is one transaction, on disk when the method returns.
 */
import type Database from 'better-sqlite3';
import { createKioskStore } from './kiosk-store';
import type { Ledger } from './ledger';
import { migrate } from './migrations';
import { openDatabase } from './open-database';
import { createPunchStore } from './punch-store';
import { createRecordsStore } from './records-store';
import { createReplayBatchStore } from './replay-batch-store';
import { createReplayStore } from './replay-store';
import { createRetentionStore } from './retention-store';
import { createSessionStore } from './session-store';
import { withNeighbours } from './chain-heads-around';

/** A ledger over an open database, migrated to the latest schema; `close()` closes the database. */
export function createSqliteLedger(db: Database.Database): Ledger {
  migrate(db);
  const punches = createPunchStore(db);
  const batch = createReplayBatchStore(db);
  return {
    ...punches,
    ...createReplayStore(db),
    ...batch,
    // In the same process the two reads cost no round trip: the heads, then the queued ones' neighbours.
    chainHeadsAround: (employeeKeys, aroundMs, statuses) =>
      withNeighbours(batch.nextChainHeads(employeeKeys), aroundMs, (ranges) =>
        punches.punchesOfEmployeesBetween(ranges, statuses),
      ),
    ...createRetentionStore(db),
    ...createKioskStore(db),
    ...createRecordsStore(db),
    ...createSessionStore(db),
    close: () => db.close(),
  };
}

/** Opens `${dataDir}/ledger.sqlite` (or `':memory:'`) as a ledger. */
export function openSqliteLedger(dataDir: string): Ledger {
  return createSqliteLedger(openDatabase(dataDir));
}
