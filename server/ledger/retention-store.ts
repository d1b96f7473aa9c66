import type Database from 'better-sqlite3';
import type { PunchRetention } from './punch-ledger';

/**
 * `deleteSettledPunches` over SQLite: found through the (status, received_at_ms) index and deleted in one statement,
 * `limit` at a time, so the write lock is held briefly and ingest waits at most one short batch.
 */
export function createRetentionStore(db: Database.Database): PunchRetention {
  const remove = db.prepare<{ beforeMs: number; limit: number }>(`
    DELETE FROM punches WHERE seq IN (
      SELECT seq FROM punches
       WHERE at_ms < :beforeMs
         AND status IN ('sent', 'ignored', 'discarded')
         AND received_at_ms < :beforeMs
         AND COALESCE(delivered_at_ms, 0) < :beforeMs
       LIMIT :limit)`);
  return {
    deleteSettledPunches: (beforeMs, limit) => remove.run({ beforeMs, limit }).changes,
  };
}
