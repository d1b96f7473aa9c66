import type { AsyncLedger } from '../async-ledger';
import type { Connection } from './connection';

type LeaseStore = Pick<AsyncLedger, 'claimEmployees' | 'releaseEmployees' | 'claimsShared'>;

/** The database's clock in epoch milliseconds: every instance's claims are judged by this one clock. */
const NOW_MS = `(extract(epoch FROM clock_timestamp()) * 1000)::bigint`;

/**
 * One statement claims a whole list: a free employee is inserted, one already the owner's or expired is taken over,
 * one held by a live claim of another instance is left alone (the conditional DO UPDATE), and RETURNING names the
 * employees the owner holds afterwards. Two instances racing for one employee are serialised on its row; the rows are
 * taken in key order, so two instances claiming overlapping lists cannot each hold one row the other waits for.
 */
const CLAIM_SQL = `
  INSERT INTO replay_leases (employee_key, owner, expires_at_ms)
  SELECT key, $2, ${NOW_MS} + $3 FROM (SELECT DISTINCT key FROM unnest($1::text[]) AS key ORDER BY key) AS keys
  ON CONFLICT (employee_key) DO UPDATE SET owner = excluded.owner, expires_at_ms = excluded.expires_at_ms
   WHERE replay_leases.owner = excluded.owner OR replay_leases.expires_at_ms <= ${NOW_MS}
  RETURNING employee_key`;

export function createLeaseStore(db: Connection): LeaseStore {
  return {
    async claimEmployees(owner, employeeKeys, ttlMs) {
      if (employeeKeys.length === 0) return new Set();
      const rows = await db.query<{ employee_key: string }>(CLAIM_SQL, [
        employeeKeys,
        owner,
        Math.ceil(ttlMs),
      ]);
      return new Set(rows.map((row) => row.employee_key));
    },
    async releaseEmployees(owner, employeeKeys) {
      await db.query('DELETE FROM replay_leases WHERE owner = $1 AND employee_key = ANY($2::text[])', [
        owner,
        employeeKeys,
      ]);
    },
    claimsShared: () => Promise.resolve(true),
  };
}
