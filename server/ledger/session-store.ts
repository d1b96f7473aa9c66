import type Database from 'better-sqlite3';
import type { AdminSessionRecord, AdminSessions } from './session-ledger';

export interface AdminSessionRow {
  id_hash: string;
  created_at_ms: number;
  expires_at_ms: number;
}

export function toAdminSession(row: AdminSessionRow): AdminSessionRecord {
  return { idHash: row.id_hash, createdAtMs: row.created_at_ms, expiresAtMs: row.expires_at_ms };
}

/** `AdminSessions` over SQLite (contract in `session-ledger.ts`): the insert and its pruning are one transaction. */
export function createSessionStore(db: Database.Database): AdminSessions {
  const forgetExpired = db.prepare<[number]>('DELETE FROM admin_sessions WHERE expires_at_ms <= ?');
  const dropOldest = db.prepare<[number]>(`
    DELETE FROM admin_sessions WHERE id_hash IN (
      SELECT id_hash FROM admin_sessions ORDER BY created_at_ms DESC, id_hash LIMIT -1 OFFSET ?)`);
  const insert = db.prepare(`
    INSERT INTO admin_sessions (id_hash, created_at_ms, expires_at_ms) VALUES (@idHash, @createdAtMs, @expiresAtMs)`);
  const find = db.prepare<[string, number], AdminSessionRow>(
    'SELECT * FROM admin_sessions WHERE id_hash = ? AND expires_at_ms > ?',
  );
  const remove = db.prepare<[string]>('DELETE FROM admin_sessions WHERE id_hash = ?');

  const create = db.transaction((session: AdminSessionRecord, keepAtMost: number) => {
    forgetExpired.run(session.createdAtMs);
    dropOldest.run(Math.max(0, keepAtMost - 1));
    insert.run(session);
  });

  return {
    insertAdminSession: (session, keepAtMost) => create.immediate(session, keepAtMost),
    findAdminSession: (idHash, nowMs) => {
      const row = find.get(idHash, nowMs);
      return row === undefined ? null : toAdminSession(row);
    },
    deleteAdminSession: (idHash) => {
      remove.run(idHash);
    },
  };
}
