import type { DirectoryEmployee } from '../ledger';
import { toAuditEntry, type AuditRow } from '../records-store';
import type { AsyncLedger } from '../async-ledger';
import type { Connection } from './connection';

/** One statement, so that two instances extending the pause at once keep the later of the two. */
const EXTEND_PAUSE_SQL = `
  INSERT INTO kenjo_pause (only_row, until_ms) VALUES (1, $1)
  ON CONFLICT (only_row) DO UPDATE SET until_ms = GREATEST(kenjo_pause.until_ms, excluded.until_ms)
  RETURNING until_ms`;

type RecordsStore = Pick<
  AsyncLedger,
  | 'saveDirectory'
  | 'loadDirectory'
  | 'appendAudit'
  | 'listAudit'
  | 'getSetting'
  | 'setSetting'
  | 'firstSetting'
  | 'extendKenjoPause'
  | 'kenjoPausedUntil'
>;

/**
 * The small tables beside the punches: the last employee list fetched from Kenjo (one snapshot, replaced whole, in
 * one transaction so that another instance never reads half of it), the operators' audit log, key/value settings.
 */
export function createRecordsStore(db: Connection): RecordsStore {
  return {
    saveDirectory: (list, fetchedAtMs) =>
      db.transaction(async () => {
        await db.query('DELETE FROM directory_employees');
        await db.query(
          `INSERT INTO directory_employees (position, user_id, email, external_id, is_active, display_name)
           SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[])
           ON CONFLICT (user_id) DO NOTHING`,
          [
            list.map((_, position) => position),
            list.map((e) => e.userId),
            list.map((e) => e.email),
            list.map((e) => e.externalId),
            list.map((e) => e.isActive),
            list.map((e) => e.displayName),
          ],
        );
        await db.query(
          `INSERT INTO directory_snapshot (only_row, fetched_at_ms) VALUES (1, $1)
           ON CONFLICT (only_row) DO UPDATE SET fetched_at_ms = excluded.fetched_at_ms`,
          [fetchedAtMs],
        );
      }),
    loadDirectory: () =>
      db.transaction(async () => {
        const [snapshot] = await db.query<{ fetched_at_ms: number }>(
          'SELECT fetched_at_ms FROM directory_snapshot',
        );
        if (snapshot === undefined) return null;
        const employees = await db.query<DirectoryEmployee>(
          `SELECT user_id AS "userId", email, external_id AS "externalId", is_active AS "isActive",
                  display_name AS "displayName"
             FROM directory_employees ORDER BY position`,
        );
        return { fetchedAtMs: snapshot.fetched_at_ms, employees };
      }),
    async appendAudit(entry) {
      await db.query(
        'INSERT INTO audit_log (at_ms, actor, action, target, reason, detail) VALUES ($1, $2, $3, $4, $5, $6)',
        [entry.atMs, entry.actor, entry.action, entry.target, entry.reason, JSON.stringify(entry.detail)],
      );
    },
    listAudit: async (limit, beforeMs = Number.MAX_SAFE_INTEGER) =>
      (
        await db.query<AuditRow>(
          'SELECT at_ms, actor, action, target, reason, detail FROM audit_log WHERE at_ms < $1 ORDER BY at_ms DESC, seq DESC LIMIT $2',
          [beforeMs, limit],
        )
      ).map(toAuditEntry),
    getSetting: async (key) =>
      (await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]))[0]?.value ??
      null,
    async setSetting(key, value) {
      await db.query(
        'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [key, value],
      );
    },
    async firstSetting(key, value) {
      // The insert sees a row committed by another instance meanwhile and does nothing; the read then finds it.
      await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
        key,
        value,
      ]);
      return (
        (await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]))[0]?.value ??
        value
      );
    },
    extendKenjoPause: async (untilMs) =>
      (await db.query<{ until_ms: number }>(EXTEND_PAUSE_SQL, [untilMs]))[0]?.until_ms ?? untilMs,
    kenjoPausedUntil: async () =>
      (await db.query<{ until_ms: number }>('SELECT until_ms FROM kenjo_pause'))[0]?.until_ms ?? null,
  };
}
