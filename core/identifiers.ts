/**
 * Shape checks for the identifiers a punch carries. Pragmatic, not exhaustive: they stop garbage and typos at the
 * kiosk's door; whether the employee exists is the directory's question, not these.
 */

/** Any RFC 9562 (formerly 4122) UUID: versions 1–8 with the standard variant, plus the nil and max UUIDs. */
const UUID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|0{8}-0{4}-0{4}-0{4}-0{12}|f{8}-f{4}-f{4}-f{4}-f{12})$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The longest identifier accepted, the longest email address SMTP can carry. */
export const MAX_IDENTIFIER_LENGTH = 254;

// eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why an identifier value is unusable, as the end of a sentence, or `null` when it is fine. */
export function identifierProblem(value: string): string | null {
  if (value.trim() === '') return 'is empty';
  if (value.length > MAX_IDENTIFIER_LENGTH) return `is longer than ${MAX_IDENTIFIER_LENGTH} characters`;
  if (value !== value.trim()) return 'has leading or trailing spaces';
  if (CONTROL.test(value)) return 'contains control characters';
  return null;
}

/**
 * An email shape: one `@`, a non-empty local part, a domain of non-empty dot-separated labels with at least one
 * dot, no whitespace anywhere. Length and control characters are `identifierProblem`'s.
 */
export function isEmailShaped(value: string): boolean {
  const parts = value.split('@');
  if (parts.length !== 2 || /\s/.test(value)) return false;
  const [local = '', domain = ''] = parts;
  const labels = domain.split('.');
  return local !== '' && labels.length >= 2 && labels.every((label) => label !== '');
}
