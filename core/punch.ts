/**
 * The punch as kiosks send it and the proxy stores it. An employee is named by exactly one identifier, the same
 * three Kenjo's track-time call accepts: a badge number (`externalId`), an email, or Kenjo's own `userId`.
 */

export type EmployeeRef = { externalId: string } | { email: string } | { userId: string };

export interface Punch {
  /** A UUID the kiosk made when the person punched; the idempotency key, scoped to the kiosk. */
  id: string;
  employee: EmployeeRef;
  /** RFC 3339 instant with offset, by the kiosk's clock (see `parseInstant`). */
  at: string;
}

/** The most punches one batch may carry (the protocol's limit; more is answered with 413). */
export const MAX_BATCH_SIZE = 1000;

/** The identifier fields of `EmployeeRef`, in the precedence Kenjo applies when several are sent. */
export const EMPLOYEE_ID_FIELDS = ['userId', 'email', 'externalId'] as const;

export type EmployeeIdField = (typeof EMPLOYEE_ID_FIELDS)[number];

/** The reference that names an employee by `field`. */
export function employeeRefOf(field: EmployeeIdField, value: string): EmployeeRef {
  if (field === 'externalId') return { externalId: value };
  if (field === 'email') return { email: value };
  return { userId: value };
}

/** Which identifier the reference uses and its value. */
export function employeeIdentifier(ref: EmployeeRef): { field: EmployeeIdField; value: string } {
  if ('externalId' in ref) return { field: 'externalId', value: ref.externalId };
  if ('email' in ref) return { field: 'email', value: ref.email };
  return { field: 'userId', value: ref.userId };
}

/** One key per person: Kenjo's id once the directory resolved them, else the identifier as sent. */
export function personKey(punch: { employeeKey: string | null; employee: EmployeeRef }): string {
  if (punch.employeeKey !== null) return `key:${punch.employeeKey}`;
  const { field, value } = employeeIdentifier(punch.employee);
  return `${field}:${value}`;
}

const LABELS: Record<EmployeeIdField, string> = { externalId: 'badge', email: 'email', userId: 'user' };

/** A short label for logs and operator screens: "badge B-1042", "email a@b.c", "user 64b1f0c2e4a1". */
export function describeEmployee(ref: EmployeeRef): string {
  const { field, value } = employeeIdentifier(ref);
  return `${LABELS[field]} ${value}`;
}
