import type { EmployeeRef } from '../../../core/punch';

/**
 * What a person presented, as the kiosk sends it: an email when it looks like one (trimmed, lower-cased), anything
 * else as a badge number. A badge scanned into the email field therefore still punches by badge.
 */
export function refFromInput(raw: string): EmployeeRef | null {
  const value = raw.trim();
  if (value === '') return null;
  return value.includes('@') ? { email: value.toLowerCase() } : { externalId: value };
}

/** Groups punches of one identifier when the directory cannot name the person. */
export function identifierKey(ref: EmployeeRef): string {
  if ('externalId' in ref) return `externalId:${ref.externalId}`;
  if ('email' in ref) return `email:${ref.email}`;
  return `userId:${ref.userId}`;
}
