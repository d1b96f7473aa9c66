/**
 * The PostgreSQL ledger's schema, as forward-only steps (the same tables as SQLite's `migrations.ts`, in PostgreSQL's
 * types: instants in epoch milliseconds as BIGINT, flags as BOOLEAN). `ledger_schema` holds how many steps are
 * applied. Never edit a step that has shipped: append a new one.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE punches (
    seq                BIGSERIAL PRIMARY KEY,
    kiosk_id           TEXT    NOT NULL,
    id                 TEXT    NOT NULL,
    employee_kind      TEXT    NOT NULL CHECK (employee_kind IN ('externalId', 'email', 'userId')),
    employee_value     TEXT    NOT NULL,
    employee_key       TEXT,
    at                 TEXT    NOT NULL,
    at_ms              BIGINT  NOT NULL,
    time_zone          TEXT    NOT NULL,
    kenjo_date_time    TEXT    NOT NULL,
    status             TEXT    NOT NULL
      CHECK (status IN ('queued', 'sending', 'sent', 'ignored', 'rejected', 'failed', 'discarded')),
    reason             TEXT,
    is_overnight_shift BOOLEAN,
    overnight_reason   TEXT,
    attempts           INTEGER NOT NULL DEFAULT 0,
    last_error         TEXT,
    next_attempt_at_ms BIGINT,
    received_at_ms     BIGINT  NOT NULL,
    delivered_at_ms    BIGINT,
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
    created_at_ms     BIGINT  NOT NULL,
    revoked_at_ms     BIGINT,
    last_seen_at_ms   BIGINT,
    clock_error_ms    BIGINT,
    pending_on_device INTEGER,
    app_version       TEXT,
    storage_persisted BOOLEAN,
    last_sync_at_ms   BIGINT
  );

  CREATE TABLE pairing_codes (
    code          TEXT PRIMARY KEY,
    kiosk_id      TEXT   NOT NULL REFERENCES kiosks (id) ON DELETE CASCADE,
    expires_at_ms BIGINT NOT NULL,
    used_at_ms    BIGINT
  );

  CREATE TABLE directory_snapshot (
    only_row      INTEGER PRIMARY KEY CHECK (only_row = 1),
    fetched_at_ms BIGINT NOT NULL
  );
  CREATE TABLE directory_employees (
    position     INTEGER NOT NULL,
    user_id      TEXT PRIMARY KEY,
    email        TEXT,
    external_id  TEXT,
    is_active    BOOLEAN NOT NULL,
    display_name TEXT    NOT NULL
  );

  CREATE TABLE audit_log (
    seq    BIGSERIAL PRIMARY KEY,
    at_ms  BIGINT NOT NULL,
    actor  TEXT   NOT NULL,
    action TEXT   NOT NULL,
    target TEXT   NOT NULL,
    reason TEXT,
    detail TEXT   NOT NULL
  );
  CREATE INDEX audit_log_at ON audit_log (at_ms, seq);

  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // Which instance replays which employee (see replay-leases.ts); instants by the database's clock.
  `
  CREATE TABLE replay_leases (
    employee_key  TEXT PRIMARY KEY,
    owner         TEXT   NOT NULL,
    expires_at_ms BIGINT NOT NULL
  );
  CREATE INDEX replay_leases_owner ON replay_leases (owner);
  `,
  // Reasons gain a code with parameters beside the sentence (SQLite's step 3).
  `
  ALTER TABLE punches ADD COLUMN reason_code TEXT;
  ALTER TABLE punches ADD COLUMN overnight_reason_code TEXT;
  `,
  // The admin console's sessions, by the SHA-256 of their id (see session-ledger.ts).
  `
  CREATE TABLE admin_sessions (
    id_hash       TEXT PRIMARY KEY,
    created_at_ms BIGINT NOT NULL,
    expires_at_ms BIGINT NOT NULL
  );
  CREATE INDEX admin_sessions_created ON admin_sessions (created_at_ms);
  `,
  // Kenjo's request to wait, shared by every instance (see records-ledger.ts).
  `
  CREATE TABLE kenjo_pause (
    only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
    until_ms BIGINT  NOT NULL
  );
  `,
  // Without the kiosk's own index, `kiosk_id = $1` has one way in, the (kiosk_id, id) key. With it, a generic plan made
  // on a young table found ingest's and a kiosk's punches by id through the kiosk's punches, reading all of them for
  // each id, and every insert and non-HOT update paid for one more index. Listing a kiosk's punches, newest first,
  // walks the primary key backwards or sorts the kiosk's rows found through the key.
  `
  DROP INDEX punches_kiosk_seq;
  `,
  // Commits tell every listening instance what it would otherwise read again and again (see ledger-notices.ts): a
  // punch that may be ahead of a chain head (a new one, one queued again from a settled state, one given its
  // employee), and a new request of Kenjo's to wait. The channel is the trigger function's argument.
  `
  CREATE FUNCTION notify_instances() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_notify(TG_ARGV[0], '');
    RETURN NULL;
  END $$;
  CREATE TRIGGER punches_inserted AFTER INSERT ON punches
    FOR EACH STATEMENT EXECUTE FUNCTION notify_instances('punches_ahead');
  CREATE TRIGGER punches_ahead AFTER UPDATE OF status, employee_key ON punches FOR EACH ROW
    WHEN ((NEW.status = 'queued' AND OLD.status NOT IN ('queued', 'sending'))
      OR NEW.employee_key IS DISTINCT FROM OLD.employee_key)
    EXECUTE FUNCTION notify_instances('punches_ahead');
  CREATE TRIGGER kenjo_pause_written AFTER INSERT OR UPDATE ON kenjo_pause
    FOR EACH STATEMENT EXECUTE FUNCTION notify_instances('kenjo_pause');
  `,
];
