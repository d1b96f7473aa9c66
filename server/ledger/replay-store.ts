import type Database from 'better-sqlite3';
import type { PunchQueries, ReplayQueue } from './punch-ledger';
import type { LedgerStatus, PunchChange, PunchTransition } from './punch-records';
import {
  employeeColumns,
  reasonColumns,
  statusCounts,
  toBacklog,
  toFlag,
  toLedgerPunch,
  type BacklogRow,
  type PunchRow,
} from './punch-row';

type PunchReplay = Omit<ReplayQueue, 'nextChainHead' | 'nextChainHeads' | 'chainHeadsAround'> &
  Pick<PunchQueries, 'backlog' | 'countByStatus'>;

/**
 * The chain heads, in O(employees × log n): `keys` walks the distinct employee keys of the `punches_unsettled` partial
 * index by repeated seeks (a loose index scan), `heads` takes each key's first unsettled punch by (at_ms, seq) with one
 * more seek, and only then are failed, not-yet-due and excluded heads dropped, so that they hold their chain back.
 * The `status IN (…)` terms repeat the index's WHERE verbatim so that SQLite may use the partial index, and
 * `INDEXED BY` pins it: without statistics the planner would otherwise prefer the status index and read every queued
 * row (and SQLite refuses the statement outright should a schema change make the index unusable).
 */
export const DUE_CHAIN_HEADS_SQL = `
  WITH RECURSIVE keys(k) AS (
    SELECT MIN(employee_key) FROM punches INDEXED BY punches_unsettled
     WHERE status IN ('queued', 'sending', 'failed') AND employee_key IS NOT NULL
    UNION ALL
    SELECT (SELECT MIN(employee_key) FROM punches INDEXED BY punches_unsettled
             WHERE status IN ('queued', 'sending', 'failed') AND employee_key > keys.k)
      FROM keys WHERE keys.k IS NOT NULL
  ),
  heads(seq) AS (
    SELECT (SELECT seq FROM punches INDEXED BY punches_unsettled
             WHERE employee_key = keys.k AND status IN ('queued', 'sending', 'failed')
             ORDER BY at_ms, seq LIMIT 1)
      FROM keys WHERE keys.k IS NOT NULL
  )
  SELECT p.* FROM heads JOIN punches p ON p.seq = heads.seq
   WHERE p.status IN ('queued', 'sending')
     AND (p.next_attempt_at_ms IS NULL OR p.next_attempt_at_ms <= @nowMs)
     AND p.employee_key NOT IN (SELECT value FROM json_each(@exclude))
   ORDER BY p.at_ms, p.seq
   LIMIT @limit`;

/**
 * Fields of a transition that are absent stay as they are; `set*` flags carry "present" into SQL so that one
 * prepared statement serves every shape of change, including setting a column to null.
 */
const TRANSITION_SQL = `
  UPDATE punches SET
    status             = @to,
    reason             = CASE WHEN @setReason THEN @reason ELSE reason END,
    reason_code        = CASE WHEN @setReason THEN @reasonCode ELSE reason_code END,
    employee_key       = CASE WHEN @setEmployeeKey THEN @employeeKey ELSE employee_key END,
    employee_kind      = CASE WHEN @setEmployee THEN @employeeKind ELSE employee_kind END,
    employee_value     = CASE WHEN @setEmployee THEN @employeeValue ELSE employee_value END,
    is_overnight_shift = CASE WHEN @setOvernight THEN @isOvernightShift ELSE is_overnight_shift END,
    overnight_reason   = CASE WHEN @setOvernightReason THEN @overnightReason ELSE overnight_reason END,
    overnight_reason_code = CASE WHEN @setOvernightReason THEN @overnightReasonCode ELSE overnight_reason_code END,
    attempts           = attempts + @incrementAttempts,
    last_error         = CASE WHEN @setLastError THEN @lastError ELSE last_error END,
    next_attempt_at_ms = CASE WHEN @setNextAttempt THEN @nextAttemptAtMs ELSE next_attempt_at_ms END,
    delivered_at_ms    = CASE WHEN @setDelivered THEN @deliveredAtMs ELSE delivered_at_ms END
  WHERE kiosk_id = @kioskId AND id = @id AND status IN (SELECT value FROM json_each(@from))
    AND (@whileAttempts IS NULL OR attempts = @whileAttempts) AND (@seq IS NULL OR seq = @seq)
  RETURNING *`;

function present(value: unknown): 0 | 1 {
  return value === undefined ? 0 : 1;
}

function transitionParams(kioskId: string, id: string, change: PunchTransition) {
  const employee = change.employee === undefined ? null : employeeColumns(change.employee);
  const reason = reasonColumns(change.reason ?? null);
  const overnightReason = reasonColumns(change.overnightReason ?? null);
  return {
    kioskId,
    id,
    from: JSON.stringify(change.from),
    to: change.to,
    setReason: present(change.reason),
    reason: reason.text,
    reasonCode: reason.code,
    setEmployeeKey: present(change.employeeKey),
    employeeKey: change.employeeKey ?? null,
    setEmployee: employee === null ? 0 : 1,
    employeeKind: employee?.kind ?? null,
    employeeValue: employee?.value ?? null,
    setOvernight: present(change.isOvernightShift),
    isOvernightShift: toFlag(change.isOvernightShift ?? null),
    setOvernightReason: present(change.overnightReason),
    overnightReason: overnightReason.text,
    overnightReasonCode: overnightReason.code,
    incrementAttempts: change.incrementAttempts === true ? 1 : 0,
    setLastError: present(change.lastError),
    lastError: change.lastError ?? null,
    setNextAttempt: present(change.nextAttemptAtMs),
    nextAttemptAtMs: change.nextAttemptAtMs ?? null,
    setDelivered: present(change.deliveredAtMs),
    deliveredAtMs: change.deliveredAtMs ?? null,
    whileAttempts: change.whileAttempts ?? null,
    seq: change.seq ?? null,
  };
}

/** What the replay engine reads and writes. */
export function createReplayStore(db: Database.Database): PunchReplay {
  const chainHeads = db.prepare<{ nowMs: number; limit: number; exclude: string }, PunchRow>(
    DUE_CHAIN_HEADS_SQL,
  );
  const unresolved = db.prepare<[number], PunchRow>(`
    SELECT * FROM punches INDEXED BY punches_unresolved
     WHERE employee_key IS NULL AND status = 'queued' ORDER BY seq LIMIT ?`);
  const update = db.prepare<ReturnType<typeof transitionParams>, PunchRow>(TRANSITION_SQL);
  const backlog = db.prepare<[], BacklogRow>(`
    SELECT (SELECT COUNT(*) FROM punches WHERE status IN ('queued', 'sending')) AS waiting,
           (SELECT MIN(received_at_ms) FROM punches WHERE status IN ('queued', 'sending')) AS oldest,
           (SELECT COUNT(*) FROM punches WHERE status = 'failed') AS failed`);
  const byStatus = db.prepare<[], { status: LedgerStatus; n: number }>(
    'SELECT status, COUNT(*) AS n FROM punches GROUP BY status',
  );
  const applyTransition = db.transaction((params: ReturnType<typeof transitionParams>) => update.get(params));
  const applyTransitions = db.transaction((changes: readonly PunchChange[]) =>
    changes.map(({ kioskId, id, change }) => update.get(transitionParams(kioskId, id, change))),
  );

  return {
    dueChainHeads: (nowMs, limit, exclude) =>
      chainHeads.all({ nowMs, limit, exclude: JSON.stringify([...exclude]) }).map(toLedgerPunch),
    unresolvedPunches: (limit) => unresolved.all(limit).map(toLedgerPunch),
    transition(kioskId, id, change) {
      const row = applyTransition.immediate(transitionParams(kioskId, id, change));
      return row === undefined ? null : toLedgerPunch(row);
    },
    // In the same process a statement costs no round trip: one per punch, in one transaction.
    transitions: (changes) =>
      applyTransitions.immediate(changes).map((row) => (row === undefined ? null : toLedgerPunch(row))),
    // One process holds the file: its own reads of a chain head cost no round trip, so nothing is tracked for them.
    punchesAheadVersion: () => null,
    backlog: () => toBacklog(backlog.get()),
    countByStatus: () => statusCounts(byStatus.all()),
  };
}
