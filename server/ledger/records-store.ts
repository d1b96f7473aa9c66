import type Database from 'better-sqlite3';
import type {
  AuditEntry,
  AuditLog,
  DirectoryCache,
  DirectoryEmployee,
  KenjoPause,
  SettingsStore,
} from './records-ledger';

type RecordsStore = DirectoryCache & AuditLog & SettingsStore & KenjoPause;

/** One statement that keeps the later of the stored pause and the new one (PostgreSQL's has the same shape). */
const EXTEND_PAUSE_SQL = `
  INSERT INTO kenjo_pause (only_row, until_ms) VALUES (1, ?)
  ON CONFLICT (only_row) DO UPDATE SET until_ms = max(kenjo_pause.until_ms, excluded.until_ms)
  RETURNING until_ms`;

interface DirectoryRow {
  user_id: string;
  email: string | null;
  external_id: string | null;
  is_active: 0 | 1;
  display_name: string;
}

export interface AuditRow {
  at_ms: number;
  actor: string;
  action: string;
  target: string;
  reason: string | null;
  detail: string;
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    atMs: row.at_ms,
    actor: row.actor,
    action: row.action,
    target: row.target,
    reason: row.reason,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  };
}

/**
 * The small tables beside the punches: the last employee list fetched from Kenjo (one snapshot, replaced whole),
 * the operators' audit log (append-only), and key/value settings.
 */
export function createRecordsStore(db: Database.Database): RecordsStore {
  const clearEmployees = db.prepare('DELETE FROM directory_employees');
  const insertEmployee = db.prepare(`
    INSERT INTO directory_employees (position, user_id, email, external_id, is_active, display_name)
    VALUES (@position, @userId, @email, @externalId, @isActive, @displayName)
    ON CONFLICT (user_id) DO NOTHING`);
  const setFetchedAt = db.prepare<[number]>(`
    INSERT INTO directory_snapshot (only_row, fetched_at_ms) VALUES (1, ?)
    ON CONFLICT (only_row) DO UPDATE SET fetched_at_ms = excluded.fetched_at_ms`);
  const fetchedAt = db.prepare<[], { fetched_at_ms: number }>('SELECT fetched_at_ms FROM directory_snapshot');
  const employees = db.prepare<[], DirectoryRow>('SELECT * FROM directory_employees ORDER BY position');
  const appendAudit = db.prepare(`
    INSERT INTO audit_log (at_ms, actor, action, target, reason, detail)
    VALUES (@atMs, @actor, @action, @target, @reason, @detail)`);
  const auditPage = db.prepare<[number, number], AuditRow>(`
    SELECT * FROM audit_log WHERE at_ms < ? ORDER BY at_ms DESC, seq DESC LIMIT ?`);
  const getSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const setSetting = db.prepare<[string, string]>(`
    INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  const addSetting = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
  );

  const save = db.transaction((list: readonly DirectoryEmployee[], fetchedAtMs: number) => {
    clearEmployees.run();
    list.forEach((employee, position) =>
      insertEmployee.run({ ...employee, position, isActive: employee.isActive ? 1 : 0 }),
    );
    setFetchedAt.run(fetchedAtMs);
  });
  const load = db.transaction(() => {
    const snapshot = fetchedAt.get();
    if (snapshot === undefined) return null;
    return {
      fetchedAtMs: snapshot.fetched_at_ms,
      employees: employees.all().map((row): DirectoryEmployee => ({
        userId: row.user_id,
        email: row.email,
        externalId: row.external_id,
        isActive: row.is_active === 1,
        displayName: row.display_name,
      })),
    };
  });
  const append = db.transaction((entry: AuditEntry) => {
    appendAudit.run({ ...entry, detail: JSON.stringify(entry.detail) });
  });
  const extendPause = db.prepare<[number], { until_ms: number }>(EXTEND_PAUSE_SQL);
  const pausedUntil = db.prepare<[], { until_ms: number }>('SELECT until_ms FROM kenjo_pause');

  const set = db.transaction((key: string, value: string) => {
    setSetting.run(key, value);
  });
  const first = db.transaction((key: string, value: string) => {
    addSetting.run(key, value);
    return getSetting.get(key)?.value ?? value;
  });

  return {
    saveDirectory: (list, fetchedAtMs) => save.immediate(list, fetchedAtMs),
    loadDirectory: () => load(),
    appendAudit: (entry) => append.immediate(entry),
    listAudit: (limit, beforeMs = Number.MAX_SAFE_INTEGER) =>
      auditPage.all(beforeMs, limit).map(toAuditEntry),
    getSetting: (key) => getSetting.get(key)?.value ?? null,
    setSetting: (key, value) => set.immediate(key, value),
    firstSetting: (key, value) => first.immediate(key, value),
    extendKenjoPause: (untilMs) => extendPause.get(untilMs)?.until_ms ?? untilMs,
    kenjoPausedUntil: () => pausedUntil.get()?.until_ms ?? null,
    // One process holds the file: its reads of the pause cost no round trip, so nothing is tracked for them.
    kenjoPauseVersion: () => null,
  };
}
