import type { AdminSessionRow } from '../session-store';
import { toAdminSession } from '../session-store';
import type { AsyncLedger } from '../async-ledger';
import type { Connection } from './connection';

type SessionStore = Pick<AsyncLedger, 'insertAdminSession' | 'findAdminSession' | 'deleteAdminSession'>;

/**
 * `AdminSessions` over PostgreSQL (contract in `session-ledger.ts`). Two instances signing people in at once may
 * each keep one session over the limit for a moment; the limit only bounds the table, it grants nothing.
 */
export function createSessionStore(db: Connection): SessionStore {
  return {
    insertAdminSession: (session, keepAtMost) =>
      db.transaction(async () => {
        await db.query('DELETE FROM admin_sessions WHERE expires_at_ms <= $1', [session.createdAtMs]);
        await db.query(
          `DELETE FROM admin_sessions WHERE id_hash IN (
             SELECT id_hash FROM admin_sessions ORDER BY created_at_ms DESC, id_hash OFFSET $1)`,
          [Math.max(0, keepAtMost - 1)],
        );
        await db.query(
          'INSERT INTO admin_sessions (id_hash, created_at_ms, expires_at_ms) VALUES ($1, $2, $3)',
          [session.idHash, session.createdAtMs, session.expiresAtMs],
        );
      }),
    async findAdminSession(idHash, nowMs) {
      const [row] = await db.query<AdminSessionRow>(
        'SELECT id_hash, created_at_ms, expires_at_ms FROM admin_sessions WHERE id_hash = $1 AND expires_at_ms > $2',
        [idHash, nowMs],
      );
      return row === undefined ? null : toAdminSession(row);
    },
    async deleteAdminSession(idHash) {
      await db.query('DELETE FROM admin_sessions WHERE id_hash = $1', [idHash]);
    },
  };
}
