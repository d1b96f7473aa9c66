/**
 * Why a punch is where it is, as a code with parameters beside the English sentence. The API's `reason` and the
 * logs carry the sentence; the console translates the code into the operator's language. Parameters are raw values
 * (wall times `YYYY-MM-DDThh:mm:ss`, calendar days `YYYY-MM-DD`, durations in ms) so a page can format them its way.
 */
import { describeEmployee, employeeIdentifier, type EmployeeRef } from './punch';

export const REASON_CODES = [
  'unknown-employee',
  'inactive-employee',
  'directory-unavailable',
  'clock-ahead',
  'invalid-punch',
  'too-old',
  'double-scan',
  'kenjo-refused',
  'held-for-kenjo-check',
  'overnight-closes',
  'overnight-after-latest-time',
  'overnight-no-open-entry',
  'overnight-starts-after',
  'overnight-too-long',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
export type ReasonParams = Readonly<Record<string, string | number>>;

/** What a page translates. */
export interface CodedReason {
  code: ReasonCode;
  params: ReasonParams;
}

/** A reason as the server decides it: the code, its parameters, and the English sentence. */
export interface PunchReason extends CodedReason {
  text: string;
}

/** A reason to store: one the server decided, or an operator's own words (a plain string, which has no code). */
export type ReasonInput = PunchReason | string;

export function reasonText(reason: ReasonInput): string {
  return typeof reason === 'string' ? reason : reason.text;
}

export function codedReason(reason: ReasonInput | null): CodedReason | null {
  return reason === null || typeof reason === 'string' ? null : { code: reason.code, params: reason.params };
}

function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && (REASON_CODES as readonly string[]).includes(value);
}

/** A stored code read back; anything else (an older program's code, a damaged value) is none, and the sentence stands. */
export function parseCodedReason(json: string | null): CodedReason | null {
  if (json === null) return null;
  try {
    const value = JSON.parse(json) as { code?: unknown; params?: unknown };
    if (!isReasonCode(value.code) || typeof value.params !== 'object' || value.params === null) return null;
    return { code: value.code, params: value.params as ReasonParams };
  } catch {
    return null;
  }
}

export function punchReason(code: ReasonCode, params: ReasonParams, text: string): PunchReason {
  return { code, params, text };
}

function employeeParams(ref: EmployeeRef): ReasonParams {
  const { field, value } = employeeIdentifier(ref);
  return { kind: field, value };
}

export const employeeReasons = {
  unknown: (ref: EmployeeRef) =>
    punchReason(
      'unknown-employee',
      employeeParams(ref),
      `unknown employee: ${describeEmployee(ref)} is not in Kenjo`,
    ),
  // No name: the reason goes back to the kiosk that sent the punch, and kiosks never learn who is inactive.
  inactive: (ref: EmployeeRef) =>
    punchReason(
      'inactive-employee',
      employeeParams(ref),
      `inactive employee: ${describeEmployee(ref)} is no longer active in Kenjo`,
    ),
  unavailable: () =>
    punchReason('directory-unavailable', {}, 'the employee directory cannot be loaded from Kenjo right now'),
};

export const arrivalReasons = {
  clockAhead: (aheadS: number, limitS: number) =>
    punchReason(
      'clock-ahead',
      { aheadS, limitS },
      `at is ${aheadS} s ahead of the server's clock (the limit is ${limitS} s); check the kiosk's clock`,
    ),
  invalid: (detail: string) => punchReason('invalid-punch', { detail }, detail),
  tooOld: (days: number, limitDays: number) =>
    punchReason(
      'too-old',
      { days, limitDays },
      `the punch was ${days} days old when it reached the server (more than ${limitDays}); send it or discard it`,
    ),
};

export const kenjoReasons = {
  refused: (status: number, message: string) =>
    punchReason('kenjo-refused', { status, message }, `Kenjo refused it (${status}): ${message}`),
};
