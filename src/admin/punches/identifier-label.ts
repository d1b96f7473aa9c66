import type { EmployeeRef } from '../../../core/punch';
import type { Translate } from '../i18n/i18n';

/** "badge B-1012", "email ana@…" in the console's language. */
export function identifierLabel(ref: EmployeeRef, t: Translate): string {
  if ('externalId' in ref) return t('identifier.externalId', { value: ref.externalId });
  if ('email' in ref) return t('identifier.email', { value: ref.email });
  return t('identifier.userId', { value: ref.userId });
}
