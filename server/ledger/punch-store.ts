import type Database from 'better-sqlite3';
import type { PunchIntake, PunchQueries } from './punch-ledger';
import type { InsertResult, KioskSeen, LedgerPunch, NewPunch, PunchFilter, PunchPage } from './punch-records';
import { employeeColumns, reasonColumns, toLedgerPunch, type PunchRow } from './punch-row';

/** The largest page `listPunches` returns, whatever the caller asks for. */
export const MAX_PAGE_SIZE = 500;

/** Which of a batch's ids a kiosk has stored: one seek into the (kiosk_id, id) key per id. */
export const STORED_IDS_SQL = `SELECT id FROM punches
  WHERE kiosk_id = ? AND id IN (SELECT value FROM json_each(?))`;

/** Recorded instants of several employees, each within its own range: one seek into punches_employee_at each. */
export const PUNCH_TIMES_SQL = `SELECT r.value ->> 0 AS employeeKey, p.at_ms AS atMs
  FROM json_each(?) AS r CROSS JOIN punches AS p
  WHERE p.employee_key = r.value ->> 0 AND p.at_ms BETWEEN r.value ->> 1 AND r.value ->> 2
    AND p.status NOT IN ('ignored', 'rejected', 'discarded')`;

/** Ingest and the operators' reading of the `punches` table. */
export function createPunchStore(
  db: Database.Database,
): PunchIntake & Omit<PunchQueries, 'backlog' | 'countByStatus'> {
  const insert = db.prepare<Record<string, string | number | null>>(`
    INSERT INTO punches (kiosk_id, id, employee_kind, employee_value, employee_key, at, at_ms, time_zone,
                         kenjo_date_time, status, reason, reason_code, received_at_ms)
    VALUES (@kioskId, @id, @employeeKind, @employeeValue, @employeeKey, @at, @atMs, @timeZone,
            @kenjoDateTime, @status, @reason, @reasonCode, @receivedAtMs)
    ON CONFLICT (kiosk_id, id) DO NOTHING`);
  const insertOne = (punch: NewPunch): InsertResult => {
    const { kind, value } = employeeColumns(punch.employee);
    const reason = reasonColumns(punch.reason);
    const { changes } = insert.run({
      kioskId: punch.kioskId,
      id: punch.id,
      employeeKind: kind,
      employeeValue: value,
      employeeKey: punch.employeeKey,
      at: punch.at,
      atMs: punch.atMs,
      timeZone: punch.timeZone,
      kenjoDateTime: punch.kenjoDateTime,
      status: punch.status,
      reason: reason.text,
      reasonCode: reason.code,
      receivedAtMs: punch.receivedAtMs,
    });
    return changes === 1 ? 'inserted' : 'duplicate';
  };
  const seeKiosk = db.prepare<KioskSeen>(`
    UPDATE kiosks SET clock_error_ms = @clockErrorMs, last_seen_at_ms = @lastSeenAtMs WHERE id = @kioskId`);
  const insertBatch = db.transaction((seen: KioskSeen, punches: readonly NewPunch[]): InsertResult[] => {
    seeKiosk.run(seen);
    return punches.map(insertOne);
  });
  const storedIds = db.prepare<[string, string], string>(STORED_IDS_SQL).pluck();
  const punchTimes = db.prepare<[string], { employeeKey: string; atMs: number }>(PUNCH_TIMES_SQL);
  const byId = db.prepare<[string, string], PunchRow>('SELECT * FROM punches WHERE kiosk_id = ? AND id = ?');
  const ofEmployeeBetween = db.prepare<[string, number, number], PunchRow>(`
    SELECT * FROM punches
     WHERE employee_key = ? AND at_ms BETWEEN ? AND ? AND status NOT IN ('ignored', 'rejected', 'discarded')
     ORDER BY at_ms, seq`);
  const ofEmployeeBetweenIn = db.prepare<[string, number, number, string], PunchRow>(`
    SELECT * FROM punches
     WHERE employee_key = ? AND at_ms BETWEEN ? AND ? AND status IN (SELECT value FROM json_each(?))
     ORDER BY at_ms, seq`);

  // One statement per combination of filters, prepared on first use: a fixed shape per combination lets SQLite
  // pick the index that fits it, where one catch-all `(? IS NULL OR …)` statement would scan.
  const pageStatements = new Map<string, Database.Statement<Record<string, string | number>, PunchRow>>();
  function pageStatement(filter: PunchFilter) {
    const terms: string[] = [];
    if (filter.status !== undefined && filter.status.length > 0) {
      terms.push('status IN (SELECT value FROM json_each(@status))');
    }
    if (filter.kioskId !== undefined) terms.push('kiosk_id = @kioskId');
    if (filter.employeeKey !== undefined) terms.push('employee_key = @employeeKey');
    if (filter.employee !== undefined) terms.push('(employee_key = @employee OR employee_value = @employee)');
    if (filter.employees !== undefined) {
      terms.push(
        '(employee_key IN (SELECT value FROM json_each(@employees)) OR ' +
          'employee_value IN (SELECT value FROM json_each(@employees)))',
      );
    }
    if (filter.fromMs !== undefined) terms.push('at_ms >= @fromMs');
    if (filter.toMs !== undefined) terms.push('at_ms <= @toMs');
    if (filter.cursor !== undefined) terms.push('seq < @cursor');
    const where = terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '';
    const sql = `SELECT * FROM punches ${where} ORDER BY seq DESC LIMIT @limit`;
    let statement = pageStatements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      pageStatements.set(sql, statement);
    }
    return statement;
  }

  return {
    insertKioskBatch: (seen, punches) => insertBatch.immediate(seen, punches),
    getPunch(kioskId, id) {
      const row = byId.get(kioskId, id);
      return row === undefined ? null : toLedgerPunch(row);
    },
    storedPunchIds: (kioskId, ids) =>
      new Set(ids.length === 0 ? [] : storedIds.all(kioskId, JSON.stringify(ids))),
    punchTimesBetween(ranges) {
      const times = new Map<string, number[]>();
      if (ranges.length === 0) return times;
      const json = JSON.stringify(ranges.map((r) => [r.employeeKey, r.fromMs, r.toMs]));
      for (const { employeeKey, atMs } of punchTimes.all(json)) {
        const list = times.get(employeeKey);
        if (list === undefined) times.set(employeeKey, [atMs]);
        else list.push(atMs);
      }
      return times;
    },
    punchesOfEmployeeBetween: (employeeKey, fromMs, toMs) =>
      ofEmployeeBetween.all(employeeKey, fromMs, toMs).map(toLedgerPunch),
    punchesOfEmployeesBetween(ranges, statuses) {
      const punches = new Map<string, LedgerPunch[]>();
      const wanted = JSON.stringify(statuses);
      for (const { employeeKey, fromMs, toMs } of ranges) {
        const rows = ofEmployeeBetweenIn.all(employeeKey, fromMs, toMs, wanted);
        if (rows.length > 0) punches.set(employeeKey, rows.map(toLedgerPunch));
      }
      return punches;
    },
    listPunches(filter): PunchPage {
      const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(filter.limit)));
      const params: Record<string, string | number> = { limit: limit + 1 };
      if (filter.status !== undefined) params.status = JSON.stringify(filter.status);
      if (filter.kioskId !== undefined) params.kioskId = filter.kioskId;
      if (filter.employeeKey !== undefined) params.employeeKey = filter.employeeKey;
      if (filter.employee !== undefined) params.employee = filter.employee;
      if (filter.employees !== undefined) params.employees = JSON.stringify(filter.employees);
      if (filter.fromMs !== undefined) params.fromMs = filter.fromMs;
      if (filter.toMs !== undefined) params.toMs = filter.toMs;
      if (filter.cursor !== undefined) params.cursor = filter.cursor;
      if (filter.status?.length === 0) delete params.status;
      const rows = pageStatement(filter).all(params);
      const punches: LedgerPunch[] = rows.slice(0, limit).map(toLedgerPunch);
      const last = punches.at(-1);
      return { punches, nextCursor: rows.length > limit && last !== undefined ? last.seq : null };
    },
  };
}
