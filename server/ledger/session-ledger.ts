/**
 * Signed-in operators of the admin console, in the ledger so that every instance sharing it knows them: a session
 * started on one instance works on the others, and signing out on one ends it everywhere. Only the SHA-256 of a
 * session's id is stored, so a copy of the ledger signs nobody in.
 */

export interface AdminSessionRecord {
  /** SHA-256 (hex) of the session id the cookie carries. */
  idHash: string;
  createdAtMs: number;
  expiresAtMs: number;
}

export interface AdminSessions {
  /**
   * Stores a new session; expired ones are forgotten, and past `keepAtMost` live sessions the oldest are dropped,
   * so that a flood of sign-ins cannot grow the table without bound.
   */
  insertAdminSession(session: AdminSessionRecord, keepAtMost: number): void;
  /** The session when it exists and has not expired at `nowMs`; null otherwise. */
  findAdminSession(idHash: string, nowMs: number): AdminSessionRecord | null;
  /** Ends the session (sign-out); nothing happens for an unknown one. */
  deleteAdminSession(idHash: string): void;
}
