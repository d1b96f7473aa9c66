import type { ChainHeadAround, LedgerPunch, LedgerStatus, PunchTransition } from '../ledger';
import {
  employeeColumns,
  reasonColumns,
  statusCounts,
  toBacklog,
  toLedgerPunch,
  type BacklogRow,
  type PunchRow,
} from '../punch-row';
import type { AsyncLedger } from '../async-ledger';
import type { Connection } from './connection';
import { firstPunch, punchColumns, PUNCH_COLUMNS, toPunches } from './punch-columns';

type PunchReplay = Pick<
  AsyncLedger,
  | 'dueChainHeads'
  | 'nextChainHead'
  | 'nextChainHeads'
  | 'chainHeadsAround'
  | 'unresolvedPunches'
  | 'transition'
  | 'transitions'
  | 'backlog'
  | 'countByStatus'
  | 'atomically'
  | 'lockEmployees'
  | 'lockKiosks'
  | 'tryLockEmployee'
  | 'tryLockEmployees'
>;

/** The class of the ledger's per-employee advisory locks (the migration lock is a single key of its own). */
const EMPLOYEE_LOCK_CLASS = 7_310_002;

/**
 * Transaction-scoped advisory locks on the employees' keys, taken in one order (sorted) by every instance so that two
 * transactions wanting the same employees cannot deadlock; PostgreSQL releases them at COMMIT or ROLLBACK.
 */
const LOCK_EMPLOYEES_SQL = `
  SELECT pg_advisory_xact_lock(${EMPLOYEE_LOCK_CLASS}, hashtext(key))
    FROM (SELECT DISTINCT key FROM unnest($1::text[]) AS key ORDER BY key) AS keys`;

/** Row locks are taken as the sorted rows come out, so every instance takes them in the same order. */
const LOCK_KIOSKS_SQL = 'SELECT id FROM kiosks WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE';

/** Each key is tried once; a lock this transaction holds already is granted again. */
const TRY_LOCK_EMPLOYEES_SQL = `
  SELECT key FROM (SELECT DISTINCT key FROM unnest($1::text[]) AS key) AS keys
   WHERE pg_try_advisory_xact_lock(${EMPLOYEE_LOCK_CLASS}, hashtext(key))`;

const UNSETTLED = `status IN ('queued', 'sending', 'failed')`;

/**
 * The chain heads in O(employees × log n), as in SQLite's ledger: `keys` walks the distinct employee keys of the
 * `punches_unsettled` partial index by repeated seeks (a loose index scan), the lateral join takes each key's first
 * unsettled punch, and only then are failed, not-yet-due and excluded heads dropped, so that they hold their chain back.
 */
const DUE_CHAIN_HEADS_SQL = `
  WITH RECURSIVE keys(k) AS (
    (SELECT employee_key FROM punches WHERE ${UNSETTLED} AND employee_key IS NOT NULL ORDER BY employee_key LIMIT 1)
    UNION ALL
    SELECT (SELECT employee_key FROM punches WHERE ${UNSETTLED} AND employee_key > keys.k
             ORDER BY employee_key LIMIT 1)
      FROM keys WHERE keys.k IS NOT NULL
  )
  SELECT ${punchColumns('p')} FROM keys CROSS JOIN LATERAL (
    SELECT * FROM punches WHERE employee_key = keys.k AND ${UNSETTLED} ORDER BY at_ms, seq LIMIT 1
  ) p
   WHERE keys.k IS NOT NULL AND p.status IN ('queued', 'sending')
     AND (p.next_attempt_at_ms IS NULL OR p.next_attempt_at_ms <= $1)
     AND p.employee_key <> ALL($2::text[])
   ORDER BY p.at_ms, p.seq
   LIMIT $3`;

const NEXT_CHAIN_HEAD_SQL = `
  SELECT ${PUNCH_COLUMNS} FROM punches WHERE employee_key = $1 AND ${UNSETTLED} ORDER BY at_ms, seq LIMIT 1`;

/** `NEXT_CHAIN_HEAD_SQL` for each of a list of employees, in one round trip. */
const NEXT_CHAIN_HEADS_SQL = `
  SELECT ${punchColumns('p')} FROM (SELECT DISTINCT key FROM unnest($1::text[]) AS key) AS keys CROSS JOIN LATERAL (
    SELECT * FROM punches WHERE employee_key = keys.key AND ${UNSETTLED} ORDER BY at_ms, seq LIMIT 1
  ) p`;

/**
 * `NEXT_CHAIN_HEADS_SQL`, and after its rows the punches around each queued head (`$2` ms either side, of the
 * statuses `$3`), each employee's in order: `is_head` tells which is which.
 */
const CHAIN_HEADS_AROUND_SQL = `
  WITH heads AS MATERIALIZED (${NEXT_CHAIN_HEADS_SQL})
  SELECT * FROM (
    SELECT true AS is_head, ${punchColumns('h')} FROM heads h
    UNION ALL
    SELECT false AS is_head, ${punchColumns('n')} FROM heads h
      JOIN punches n ON n.employee_key = h.employee_key AND n.at_ms BETWEEN h.at_ms - $2 AND h.at_ms + $2
     WHERE h.status = 'queued' AND n.status = ANY($3::text[])
  ) AS rows
   ORDER BY is_head DESC, at_ms, seq`;

/**
 * The backlog in one walk of the `punches_unsettled` partial index (its predicate is these three statuses), whose
 * size follows the backlog: not one walk per figure, each visiting the rows again. Health checks and metrics ask for
 * it every few seconds, and while a backlog drains the index also holds the versions its changes left behind.
 */
const BACKLOG_SQL = `
  SELECT COUNT(*) FILTER (WHERE status IN ('queued', 'sending'))::int AS waiting,
         MIN(received_at_ms) FILTER (WHERE status IN ('queued', 'sending')) AS oldest,
         COUNT(*) FILTER (WHERE status = 'failed')::int AS failed
    FROM punches WHERE ${UNSETTLED}`;

/**
 * A transition's SET list over its fields as `field(n)` names them, numbered as `transitionValues` lists them:
 * parameters for one punch, the columns of an `unnest` row for several. Fields of a transition that are absent stay
 * as they are: a boolean field per field says "present".
 */
const setList = (field: (n: number) => string) => `
    status             = ${field(3)},
    reason             = CASE WHEN ${field(5)}::boolean THEN ${field(6)} ELSE reason END,
    employee_key       = CASE WHEN ${field(7)}::boolean THEN ${field(8)} ELSE employee_key END,
    employee_kind      = CASE WHEN ${field(9)}::boolean THEN ${field(10)} ELSE employee_kind END,
    employee_value     = CASE WHEN ${field(9)}::boolean THEN ${field(11)} ELSE employee_value END,
    is_overnight_shift = CASE WHEN ${field(12)}::boolean THEN ${field(13)}::boolean ELSE is_overnight_shift END,
    overnight_reason   = CASE WHEN ${field(14)}::boolean THEN ${field(15)} ELSE overnight_reason END,
    attempts           = attempts + ${field(16)},
    last_error         = CASE WHEN ${field(17)}::boolean THEN ${field(18)} ELSE last_error END,
    next_attempt_at_ms = CASE WHEN ${field(19)}::boolean THEN ${field(20)}::bigint ELSE next_attempt_at_ms END,
    delivered_at_ms    = CASE WHEN ${field(21)}::boolean THEN ${field(22)}::bigint ELSE delivered_at_ms END,
    reason_code        = CASE WHEN ${field(5)}::boolean THEN ${field(23)} ELSE reason_code END,
    overnight_reason_code = CASE WHEN ${field(14)}::boolean THEN ${field(24)} ELSE overnight_reason_code END`;

/**
 * The statement is prepared once per connection, and after a few executions PostgreSQL may keep a generic plan, made
 * without the values and kept while the table grows. Made on a young table, that plan for `kiosk_id = $1 AND id = $2`
 * seeks the kiosk alone and reads all of its punches for the id: a replay's every change then costs a read of
 * thousands of rows. A transition that names its punch's `seq` is one seek on seq in any plan; the kiosk and id stay
 * in the condition, so a wrong seq changes nothing.
 */
const transitionSql = (bySeq: boolean) => `
  UPDATE punches SET ${setList((n) => `$${n}`)}
  WHERE ${bySeq ? 'seq = $26 AND ' : ''}kiosk_id = $1 AND id = $2 AND status = ANY($4::text[])
    AND ($25::int IS NULL OR attempts = $25::int)
  RETURNING ${PUNCH_COLUMNS}`;

const TRANSITION_SQL = transitionSql(false);
const TRANSITION_BY_SEQ_SQL = transitionSql(true);

/** The SQL types of `transitionValues`, in order; `from` (4) is one comma-separated text per punch in a batch. */
const FIELD_TYPES = `
  text text text text boolean text boolean text boolean text text boolean boolean
  boolean text int boolean text boolean bigint boolean bigint text text int bigint`
  .split(/\s+/)
  .filter(Boolean);

/**
 * `transitions`: one array per field, unnested into one row per punch, each found by its seq as above. RETURNING
 * says which change each updated row answers (`ord`), since a punch whose guard fails is absent from it.
 */
const TRANSITIONS_SQL = `
  UPDATE punches SET ${setList((n) => `c.f${n}`)}
    FROM unnest(${FIELD_TYPES.map((type, i) => `$${i + 1}::${type}[]`).join(', ')}) WITH ORDINALITY
      AS c(${FIELD_TYPES.map((_, i) => `f${i + 1}`).join(', ')}, ord)
   WHERE punches.seq = c.f26 AND punches.kiosk_id = c.f1 AND punches.id = c.f2
     AND punches.status = ANY(string_to_array(c.f4, ','))
     AND (c.f25 IS NULL OR punches.attempts = c.f25)
  RETURNING c.ord, ${punchColumns('punches')}`;

function transitionValues(kioskId: string, id: string, change: PunchTransition): unknown[] {
  const employee = change.employee === undefined ? null : employeeColumns(change.employee);
  const field = (value: unknown) => [value !== undefined, value ?? null];
  const reason = reasonColumns(change.reason ?? null);
  const overnightReason = reasonColumns(change.overnightReason ?? null);
  return [
    kioskId,
    id,
    change.to,
    change.from,
    change.reason !== undefined,
    reason.text,
    ...field(change.employeeKey),
    employee !== null,
    employee?.kind ?? null,
    employee?.value ?? null,
    ...field(change.isOvernightShift),
    change.overnightReason !== undefined,
    overnightReason.text,
    change.incrementAttempts === true ? 1 : 0,
    ...field(change.lastError),
    ...field(change.nextAttemptAtMs),
    ...field(change.deliveredAtMs),
    reason.code,
    overnightReason.code,
    change.whileAttempts ?? null,
    ...(change.seq === undefined ? [] : [change.seq]),
  ];
}

/** What the replay engine reads and writes. */
export function createReplayStore(db: Connection): PunchReplay {
  async function tryLockEmployees(employeeKeys: readonly string[]): Promise<Set<string>> {
    if (!db.inTransaction()) throw new Error('tryLockEmployees is called inside atomically');
    if (employeeKeys.length === 0) return new Set();
    const rows = await db.query<{ key: string }>(TRY_LOCK_EMPLOYEES_SQL, [employeeKeys]);
    return new Set(rows.map((row) => row.key));
  }
  return {
    dueChainHeads: async (nowMs, limit, exclude) =>
      toPunches(await db.query<PunchRow>(DUE_CHAIN_HEADS_SQL, [nowMs, [...exclude], limit])),
    nextChainHead: async (employeeKey) =>
      firstPunch(await db.query<PunchRow>(NEXT_CHAIN_HEAD_SQL, [employeeKey])),
    async nextChainHeads(employeeKeys) {
      const heads = new Map<string, LedgerPunch>();
      if (employeeKeys.length === 0) return heads;
      const rows = await db.query<PunchRow>(NEXT_CHAIN_HEADS_SQL, [employeeKeys]);
      for (const head of toPunches(rows)) if (head.employeeKey !== null) heads.set(head.employeeKey, head);
      return heads;
    },
    async chainHeadsAround(employeeKeys, aroundMs, statuses) {
      const around = new Map<string, ChainHeadAround>();
      if (employeeKeys.length === 0) return around;
      const rows = await db.query<PunchRow & { is_head: boolean }>(CHAIN_HEADS_AROUND_SQL, [
        employeeKeys,
        aroundMs,
        statuses,
      ]);
      // The heads come first: every neighbour's head is known by the time the neighbour is read.
      for (const row of rows) {
        const punch = toLedgerPunch(row);
        const key = punch.employeeKey ?? '';
        if (row.is_head) around.set(key, { head: punch, near: punch.status === 'queued' ? [] : null });
        else around.get(key)?.near?.push(punch);
      }
      return around;
    },
    unresolvedPunches: async (limit) =>
      toPunches(
        await db.query<PunchRow>(
          `SELECT ${PUNCH_COLUMNS} FROM punches WHERE employee_key IS NULL AND status = 'queued' ORDER BY seq LIMIT $1`,
          [limit],
        ),
      ),
    async transitions(changes) {
      if (changes.length === 0) return [];
      const rows = changes.map(({ kioskId, id, change }) => transitionValues(kioskId, id, change));
      // Column by column; `from` as text, since unnest would flatten an array of arrays.
      const columns = FIELD_TYPES.map((_, i) =>
        rows.map((values) => (i === 3 ? (values[i] as string[]).join(',') : values[i])),
      );
      const updated = await db.query<PunchRow & { ord: number }>(TRANSITIONS_SQL, columns);
      const byOrd = new Map(updated.map((row) => [row.ord, row] as const));
      return changes.map((_, i) => {
        const row = byOrd.get(i + 1);
        return row === undefined ? null : toLedgerPunch(row);
      });
    },
    transition: async (kioskId, id, change) =>
      firstPunch(
        await db.query<PunchRow>(
          change.seq === undefined ? TRANSITION_SQL : TRANSITION_BY_SEQ_SQL,
          transitionValues(kioskId, id, change),
        ),
      ),
    async backlog() {
      const [row] = await db.query<BacklogRow>(BACKLOG_SQL);
      return toBacklog(row);
    },
    countByStatus: async () =>
      statusCounts(
        await db.query<{ status: LedgerStatus; n: number }>(
          'SELECT status, COUNT(*)::int AS n FROM punches GROUP BY status',
        ),
      ),
    atomically: (work) => db.transaction(work),
    async lockEmployees(employeeKeys) {
      // Outside a transaction the lock would end with its own statement and protect nothing.
      if (!db.inTransaction()) throw new Error('lockEmployees is called inside atomically');
      if (employeeKeys.length > 0) await db.query(LOCK_EMPLOYEES_SQL, [employeeKeys]);
    },
    async lockKiosks(kioskIds) {
      if (!db.inTransaction()) throw new Error('lockKiosks is called inside atomically');
      if (kioskIds.length > 0) await db.query(LOCK_KIOSKS_SQL, [kioskIds]);
    },
    tryLockEmployee: async (employeeKey) => (await tryLockEmployees([employeeKey])).has(employeeKey),
    tryLockEmployees,
  };
}
