import type { AsyncLedger } from '../async-ledger';
import type { Connection } from './connection';

type RetentionStore = Pick<AsyncLedger, 'deleteSettledPunches'>;

/** `deleteSettledPunches` (contract in `punch-ledger.ts`): `limit` settled punches at a time, one statement. */
const DELETE_SQL = `
  DELETE FROM punches WHERE seq IN (
    SELECT seq FROM punches
     WHERE at_ms < $1
       AND status IN ('sent', 'ignored', 'discarded')
       AND received_at_ms < $1
       AND COALESCE(delivered_at_ms, 0) < $1
     LIMIT $2)
  RETURNING seq`;

export function createRetentionStore(db: Connection): RetentionStore {
  return {
    async deleteSettledPunches(beforeMs, limit) {
      return (await db.query<{ seq: string }>(DELETE_SQL, [beforeMs, limit])).length;
    },
  };
}
