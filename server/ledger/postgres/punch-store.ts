import type { InsertResult, KioskSeen, LedgerPunch, NewPunch, PunchFilter, PunchPage } from '../ledger';
import { employeeColumns, reasonColumns, type PunchRow } from '../punch-row';
import { MAX_PAGE_SIZE } from '../punch-store';
import type { AsyncLedger } from '../async-ledger';
import type { Connection } from './connection';
import { firstPunch, punchColumns, PUNCH_COLUMNS, toPunches } from './punch-columns';

type PunchIngest = Pick<
  AsyncLedger,
  | 'insertKioskBatch'
  | 'getPunch'
  | 'storedPunchIds'
  | 'punchTimesBetween'
  | 'punchesOfEmployeeBetween'
  | 'punchesOfEmployeesBetween'
  | 'listPunches'
>;

/** A whole batch in one statement (one round trip): the punches as parallel arrays, unnested into rows. */
const INSERT_ROWS_SQL = `
  INSERT INTO punches (kiosk_id, id, employee_kind, employee_value, employee_key, at, at_ms, time_zone,
                       kenjo_date_time, status, reason, reason_code, received_at_ms)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[],
                       $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::bigint[])`;

/**
 * The same, skipping a (kiosk, id) already stored, by this instance or another: skipped rows are absent from
 * RETURNING. Checking each row against the key first and answering every row costs about a quarter more than the
 * plain insert, so it is only the way taken when the plain one met a stored id.
 */
const INSERT_SKIPPING_STORED_SQL = `${INSERT_ROWS_SQL}
  ON CONFLICT (kiosk_id, id) DO NOTHING
  RETURNING kiosk_id, id`;

/** The (kiosk_id, id) key's name, as PostgreSQL names a table's unnamed UNIQUE constraint. */
export const KIOSK_ID_KEY = 'punches_kiosk_id_id_key';

/** Whether the insert failed on a (kiosk, id) already stored, or there twice: PostgreSQL's unique_violation. */
function metStoredId(error: unknown): boolean {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === KIOSK_ID_KEY;
}

/**
 * Which of a batch's ids the kiosk has stored: one seek into the (kiosk_id, id) key per id. The LIMIT keeps the
 * subquery a lookup per id: as a join, a plan kept from a young table could hash every punch of the kiosk, or of the
 * table, for each batch. With `id = ANY($2)` it could read every punch of the kiosk and test each against the batch.
 */
const STORED_IDS_SQL = `
  SELECT i.id FROM unnest($2::text[]) AS i(id)
   CROSS JOIN LATERAL (SELECT 1 FROM punches p WHERE p.kiosk_id = $1 AND p.id = i.id LIMIT 1) AS stored`;

const PUNCH_TIMES_SQL = `
  SELECT r.key AS "employeeKey", p.at_ms AS "atMs"
    FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS r(key, from_ms, to_ms)
    JOIN punches p ON p.employee_key = r.key AND p.at_ms BETWEEN r.from_ms AND r.to_ms
   WHERE p.status NOT IN ('ignored', 'rejected', 'discarded')`;

/** `punchesOfEmployeeBetween` of several employees in one round trip, each one's in order, of the given statuses. */
const OF_EMPLOYEES_BETWEEN_SQL = `
  SELECT ${punchColumns('p')} FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS r(key, from_ms, to_ms)
    JOIN punches p ON p.employee_key = r.key AND p.at_ms BETWEEN r.from_ms AND r.to_ms
   WHERE p.status = ANY($4::text[])
   ORDER BY p.at_ms, p.seq`;

function insertValues(punches: readonly NewPunch[]): unknown[] {
  const columns = punches.map((p) => ({
    p,
    employee: employeeColumns(p.employee),
    reason: reasonColumns(p.reason),
  }));
  return [
    columns.map(({ p }) => p.kioskId),
    columns.map(({ p }) => p.id),
    columns.map(({ employee }) => employee.kind),
    columns.map(({ employee }) => employee.value),
    columns.map(({ p }) => p.employeeKey),
    columns.map(({ p }) => p.at),
    columns.map(({ p }) => p.atMs),
    columns.map(({ p }) => p.timeZone),
    columns.map(({ p }) => p.kenjoDateTime),
    columns.map(({ p }) => p.status),
    columns.map(({ reason }) => reason.text),
    columns.map(({ reason }) => reason.code),
    columns.map(({ p }) => p.receivedAtMs),
  ];
}

async function insertSkippingStored(
  db: Connection,
  punches: readonly NewPunch[],
  values: unknown[],
): Promise<InsertResult[]> {
  const inserted = await db.query<{ kiosk_id: string; id: string }>(INSERT_SKIPPING_STORED_SQL, values);
  // The first of two equal (kiosk, id) in one batch is the one inserted; the second is a duplicate, as in SQLite.
  const fresh = new Set(inserted.map((row) => `${row.kiosk_id}\u0000${row.id}`));
  return punches.map((p) => (fresh.delete(`${p.kioskId}\u0000${p.id}`) ? 'inserted' : 'duplicate'));
}

const seeKiosk = (db: Connection, seen: KioskSeen) =>
  db.query('UPDATE kiosks SET clock_error_ms = $1, last_seen_at_ms = $2 WHERE id = $3', [
    seen.clockErrorMs,
    seen.lastSeenAtMs,
    seen.kioskId,
  ]);

/**
 * The kiosk seen and the batch inserted in one transaction (a savepoint inside the caller's), sent together: one
 * round trip, while ingest holds the batch's employees. Ingest checked the ids under those locks, so the plain insert
 * is the usual one; a stored id it meets (a resend under another employee key, a punch of no employee, a repeated id
 * in the batch) undoes the attempt, and the batch is stored again skipping what is stored.
 */
async function insertKioskBatch(
  db: Connection,
  seen: KioskSeen,
  punches: readonly NewPunch[],
): Promise<InsertResult[]> {
  const values = insertValues(punches);
  try {
    return await db.transaction(async () => {
      await Promise.all([
        seeKiosk(db, seen),
        punches.length === 0 ? null : db.query(INSERT_ROWS_SQL, values),
      ]);
      return punches.map((): InsertResult => 'inserted');
    });
  } catch (error) {
    if (!metStoredId(error)) throw error;
  }
  return db.transaction(async () => {
    const [, results] = await Promise.all([seeKiosk(db, seen), insertSkippingStored(db, punches, values)]);
    return results;
  });
}

function pageQuery(filter: PunchFilter, limit: number): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const terms: string[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  if (filter.status !== undefined && filter.status.length > 0)
    terms.push(`status = ANY(${param(filter.status)})`);
  if (filter.kioskId !== undefined) terms.push(`kiosk_id = ${param(filter.kioskId)}`);
  if (filter.employeeKey !== undefined) terms.push(`employee_key = ${param(filter.employeeKey)}`);
  if (filter.employee !== undefined) {
    const employee = param(filter.employee);
    terms.push(`(employee_key = ${employee} OR employee_value = ${employee})`);
  }
  if (filter.employees !== undefined) {
    const employees = param(filter.employees);
    terms.push(`(employee_key = ANY(${employees}) OR employee_value = ANY(${employees}))`);
  }
  if (filter.fromMs !== undefined) terms.push(`at_ms >= ${param(filter.fromMs)}`);
  if (filter.toMs !== undefined) terms.push(`at_ms <= ${param(filter.toMs)}`);
  if (filter.cursor !== undefined) terms.push(`seq < ${param(filter.cursor)}`);
  const where = terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '';
  return {
    text: `SELECT ${PUNCH_COLUMNS} FROM punches ${where} ORDER BY seq DESC LIMIT ${param(limit + 1)}`,
    values,
  };
}

/** Ingest and the operators' reading of the `punches` table. */
export function createPunchStore(db: Connection): PunchIngest {
  return {
    insertKioskBatch: (seen, punches) => insertKioskBatch(db, seen, punches),
    getPunch: async (kioskId, id) =>
      firstPunch(
        await db.query<PunchRow>(`SELECT ${PUNCH_COLUMNS} FROM punches WHERE kiosk_id = $1 AND id = $2`, [
          kioskId,
          id,
        ]),
      ),
    async storedPunchIds(kioskId, ids) {
      if (ids.length === 0) return new Set();
      const rows = await db.query<{ id: string }>(STORED_IDS_SQL, [kioskId, ids]);
      return new Set(rows.map((row) => row.id));
    },
    async punchesOfEmployeesBetween(ranges, statuses) {
      const punches = new Map<string, LedgerPunch[]>();
      if (ranges.length === 0 || statuses.length === 0) return punches;
      const rows = await db.query<PunchRow>(OF_EMPLOYEES_BETWEEN_SQL, [
        ranges.map((r) => r.employeeKey),
        ranges.map((r) => r.fromMs),
        ranges.map((r) => r.toMs),
        statuses,
      ]);
      for (const punch of toPunches(rows)) {
        const list = punches.get(punch.employeeKey ?? '');
        if (list === undefined) punches.set(punch.employeeKey ?? '', [punch]);
        else list.push(punch);
      }
      return punches;
    },
    async punchTimesBetween(ranges) {
      const times = new Map<string, number[]>();
      if (ranges.length === 0) return times;
      const rows = await db.query<{ employeeKey: string; atMs: number }>(PUNCH_TIMES_SQL, [
        ranges.map((r) => r.employeeKey),
        ranges.map((r) => r.fromMs),
        ranges.map((r) => r.toMs),
      ]);
      for (const { employeeKey, atMs } of rows) {
        const list = times.get(employeeKey);
        if (list === undefined) times.set(employeeKey, [atMs]);
        else list.push(atMs);
      }
      return times;
    },
    punchesOfEmployeeBetween: async (employeeKey, fromMs, toMs) =>
      toPunches(
        await db.query<PunchRow>(
          `SELECT ${PUNCH_COLUMNS} FROM punches
            WHERE employee_key = $1 AND at_ms BETWEEN $2 AND $3 AND status NOT IN ('ignored', 'rejected', 'discarded')
            ORDER BY at_ms, seq`,
          [employeeKey, fromMs, toMs],
        ),
      ),
    async listPunches(filter): Promise<PunchPage> {
      const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(filter.limit)));
      const { text, values } = pageQuery(filter, limit);
      const rows = await db.query<PunchRow>(text, values);
      const punches = toPunches(rows.slice(0, limit));
      const last = punches.at(-1);
      return { punches, nextCursor: rows.length > limit && last !== undefined ? last.seq : null };
    },
  };
}
