import type Database from 'better-sqlite3';

/**
 * The ledger's schema, as forward-only steps. `PRAGMA user_version` holds the number of steps applied; each step runs
 * in its own transaction together with the bump of `user_version`, so a crash leaves the database at a step boundary.
 * Never edit a step that has shipped: append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE punches (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    kiosk_id           TEXT    NOT NULL,
    id                 TEXT    NOT NULL,
    employee_kind      TEXT    NOT NULL CHECK (employee_kind IN ('externalId', 'email', 'userId')),
    employee_value     TEXT    NOT NULL,
    employee_key       TEXT,
    at                 TEXT    NOT NULL,
    at_ms              INTEGER NOT NULL,
    time_zone          TEXT    NOT NULL,
    kenjo_date_time    TEXT    NOT NULL,
    status             TEXT    NOT NULL
      CHECK (status IN ('queued', 'sending', 'sent', 'ignored', 'rejected', 'failed', 'discarded')),
    reason             TEXT,
    is_overnight_shift INTEGER CHECK (is_overnight_shift IN (0, 1)),
    overnight_reason   TEXT,
    attempts           INTEGER NOT NULL DEFAULT 0,
    last_error         TEXT,
    next_attempt_at_ms INTEGER,
    received_at_ms     INTEGER NOT NULL,
    delivered_at_ms    INTEGER,
    UNIQUE (kiosk_id, id)
  );
  -- The replay's work list: only unsettled punches, so its size follows the backlog, not the history.
  CREATE INDEX punches_unsettled ON punches (employee_key, at_ms, seq)
    WHERE status IN ('queued', 'sending', 'failed');
  CREATE INDEX punches_unresolved ON punches (seq) WHERE employee_key IS NULL AND status = 'queued';
  CREATE INDEX punches_employee_at ON punches (employee_key, at_ms);
  CREATE INDEX punches_employee_value ON punches (employee_value);
  CREATE INDEX punches_kiosk_seq ON punches (kiosk_id, seq);
  CREATE INDEX punches_status_received ON punches (status, received_at_ms);
  CREATE INDEX punches_status_seq ON punches (status, seq);
  CREATE INDEX punches_at ON punches (at_ms);

  CREATE TABLE kiosks (
    id                TEXT PRIMARY KEY,
    name              TEXT    NOT NULL,
    time_zone         TEXT    NOT NULL,
    token_hash        TEXT    NOT NULL UNIQUE,
    created_at_ms     INTEGER NOT NULL,
    revoked_at_ms     INTEGER,
    last_seen_at_ms   INTEGER,
    clock_error_ms    INTEGER,
    pending_on_device INTEGER,
    app_version       TEXT,
    storage_persisted INTEGER CHECK (storage_persisted IN (0, 1)),
    last_sync_at_ms   INTEGER
  );

  CREATE TABLE pairing_codes (
    code          TEXT PRIMARY KEY,
    kiosk_id      TEXT    NOT NULL REFERENCES kiosks (id) ON DELETE CASCADE,
    expires_at_ms INTEGER NOT NULL,
    used_at_ms    INTEGER
  );

  CREATE TABLE directory_snapshot (
    only_row      INTEGER PRIMARY KEY CHECK (only_row = 1),
    fetched_at_ms INTEGER NOT NULL
  );
  CREATE TABLE directory_employees (
    position     INTEGER NOT NULL,
    user_id      TEXT PRIMARY KEY,
    email        TEXT,
    external_id  TEXT,
    is_active    INTEGER NOT NULL CHECK (is_active IN (0, 1)),
    display_name TEXT    NOT NULL
  );

  CREATE TABLE audit_log (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms  INTEGER NOT NULL,
    actor  TEXT    NOT NULL,
    action TEXT    NOT NULL,
    target TEXT    NOT NULL,
    reason TEXT,
    detail TEXT    NOT NULL
  );
  CREATE INDEX audit_log_at ON audit_log (at_ms, seq);

  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // Pairing codes were kept in clear; from here on they are stored hashed, and the old ones (valid for ten minutes
  // at most) are voided rather than hashed in place.
  `
  DELETE FROM pairing_codes;
  `,
  // Reasons gain a code with parameters beside the sentence, so the console can say them in its language. Rows
  // stored before keep their sentence alone.
  `
  ALTER TABLE punches ADD COLUMN reason_code TEXT;
  ALTER TABLE punches ADD COLUMN overnight_reason_code TEXT;
  `,
  // The admin console's sessions, by the SHA-256 of their id (see session-ledger.ts).
  `
  CREATE TABLE admin_sessions (
    id_hash       TEXT PRIMARY KEY,
    created_at_ms INTEGER NOT NULL,
    expires_at_ms INTEGER NOT NULL
  );
  CREATE INDEX admin_sessions_created ON admin_sessions (created_at_ms);
  `,
  // Kenjo's request to wait, shared by every instance (see records-ledger.ts).
  `
  CREATE TABLE kenjo_pause (
    only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
    until_ms INTEGER NOT NULL
  );
  `,
];

export class LedgerVersionError extends Error {}

/** Brings the database to the latest schema; returns how many steps it applied (0 when already current). */
export function migrate(db: Database.Database, migrations: readonly string[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new LedgerVersionError(
      `The ledger has schema version ${current}, newer than this program knows (${migrations.length}); upgrade the program.`,
    );
  }
  for (let version = current; version < migrations.length; version += 1) {
    const step = migrations[version] ?? '';
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
  return migrations.length - current;
}
