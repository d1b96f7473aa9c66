/**
 * Validation of what kiosks send, before anything is stored or counted.
 *
 * A punch is checked in a fixed order and the first failure is reported:
 *   1. `not-an-object`: not a JSON object (null, array, string, number…);
 *   2. `unknown-field`: a field other than `id`, `employee`, `at` (before any field's value is looked at, so a
 *      newer kiosk's extra field is named as such rather than as whatever else is also wrong);
 *   3. `bad-id`: missing, or not a UUID (any RFC 9562 version, either case; kept as sent, not lower-cased, so
 *      results echo the kiosk's own id);
 *   4. `bad-employee`: not an object with exactly one of `externalId`, `email`, `userId`, or its value is not a
 *      non-empty string of at most 254 characters without surrounding spaces or control characters, or the email
 *      is not shaped like one;
 *   5. `bad-at`: missing, or not a strict RFC 3339 instant with offset (see `parseInstant`).
 * Messages name fields, never echo values: they end up in logs, and identifiers are personal data.
 *
 * A batch envelope is checked in this order: a JSON object (`bad-envelope`), no fields but `sentAt` and `punches`,
 * `sentAt` a valid instant, `punches` an array, then at most `MAX_BATCH_SIZE` punches (`batch-too-large`). An
 * empty `punches` array is a valid batch. The punches themselves are left to `validatePunch`, one by one, so one
 * bad punch never spoils its neighbours.
 */
import { identifierProblem, isEmailShaped, isUuid } from './identifiers';
import { EMPLOYEE_ID_FIELDS, MAX_BATCH_SIZE, employeeRefOf, type EmployeeRef, type Punch } from './punch';
import { parseInstant } from './wall-time';

export type PunchRejectionReason = 'not-an-object' | 'unknown-field' | 'bad-id' | 'bad-employee' | 'bad-at';

export type PunchValidation =
  { ok: true; punch: Punch } | { ok: false; reason: PunchRejectionReason; message: string };

export type BatchValidation =
  | { ok: true; sentAt: string; sentAtMs: number; punches: unknown[] }
  | { ok: false; reason: 'bad-envelope' | 'batch-too-large'; message: string };

const PUNCH_FIELDS: readonly string[] = ['id', 'employee', 'at'];
const ENVELOPE_FIELDS: readonly string[] = ['sentAt', 'punches'];

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A field name safe to put in a message: quoted, and shortened when someone sends a novel as a key. */
function fieldName(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

function unknownField(record: Record<string, unknown>, allowed: readonly string[]): string | null {
  return Object.keys(record).find((key) => !allowed.includes(key)) ?? null;
}

/** Check 4 alone, for an employee named apart from a punch (an operator's reassignment). */
export function validateEmployee(value: unknown): { ref: EmployeeRef } | { message: string } {
  if (!isRecord(value))
    return { message: 'The employee must be an object with externalId, email or userId.' };
  const extra = unknownField(value, EMPLOYEE_ID_FIELDS);
  if (extra !== null) {
    return {
      message: `The employee has an unknown field ${fieldName(extra)}; use externalId, email or userId.`,
    };
  }
  const fields = EMPLOYEE_ID_FIELDS.filter((field) => field in value);
  const [field] = fields;
  if (field === undefined || fields.length > 1) {
    return { message: 'The employee must have exactly one of externalId, email or userId.' };
  }
  const id = value[field];
  if (typeof id !== 'string') return { message: `The employee's ${field} must be a string.` };
  const problem = identifierProblem(id);
  if (problem !== null) return { message: `The employee's ${field} ${problem}.` };
  if (field === 'email' && !isEmailShaped(id))
    return { message: "The employee's email is not an email address." };
  return { ref: employeeRefOf(field, id) };
}

export function validatePunch(input: unknown): PunchValidation {
  const reject = (reason: PunchRejectionReason, message: string): PunchValidation => ({
    ok: false,
    reason,
    message,
  });
  if (!isRecord(input)) return reject('not-an-object', 'The punch must be a JSON object.');
  const extra = unknownField(input, PUNCH_FIELDS);
  if (extra !== null) {
    return reject(
      'unknown-field',
      `The punch has an unknown field ${fieldName(extra)}; a punch has only id, employee and at.`,
    );
  }
  const { id, employee, at } = input;
  if (id === undefined) return reject('bad-id', 'The punch has no id.');
  if (typeof id !== 'string' || !isUuid(id)) return reject('bad-id', 'The punch id must be a UUID.');
  const checked = validateEmployee(employee);
  if ('message' in checked) return reject('bad-employee', checked.message);
  if (at === undefined) return reject('bad-at', 'The punch has no time (at).');
  if (typeof at !== 'string' || parseInstant(at) === null) {
    return reject(
      'bad-at',
      'The punch time (at) must be an RFC 3339 instant with offset, like 2026-02-04T06:00:00+01:00.',
    );
  }
  return { ok: true, punch: { id, employee: checked.ref, at } };
}

export function validateBatch(input: unknown): BatchValidation {
  const badEnvelope = (message: string): BatchValidation => ({ ok: false, reason: 'bad-envelope', message });
  if (!isRecord(input)) return badEnvelope('The batch must be a JSON object with sentAt and punches.');
  const extra = unknownField(input, ENVELOPE_FIELDS);
  if (extra !== null)
    return badEnvelope(
      `The batch has an unknown field ${fieldName(extra)}; a batch has only sentAt and punches.`,
    );
  const { sentAt, punches } = input;
  const sentAtMs = typeof sentAt === 'string' ? parseInstant(sentAt) : null;
  if (typeof sentAt !== 'string' || sentAtMs === null) {
    return badEnvelope('The batch needs sentAt, an RFC 3339 instant with offset.');
  }
  if (!Array.isArray(punches)) return badEnvelope('The batch needs punches, an array.');
  if (punches.length > MAX_BATCH_SIZE) {
    return {
      ok: false,
      reason: 'batch-too-large',
      message: `The batch has ${punches.length} punches; at most ${MAX_BATCH_SIZE} are allowed.`,
    };
  }
  return { ok: true, sentAt, sentAtMs, punches: punches as unknown[] };
}
