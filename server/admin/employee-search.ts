/**
 * What an operator's search text can stand for: the text itself (a badge, an email, a Kenjo id as punched), and for
 * every directory employee whose name contains it, or whose email, badge or Kenjo id it is, that employee's Kenjo
 * id, email and badge, so punches made with any of their identifiers are found.
 */
import { normalizedIdentifier } from '../../core/identifier-hash';
import type { DirectoryEmployee } from '../ledger/ledger';

export function searchIdentifiers(text: string, employees: readonly DirectoryEmployee[]): string[] {
  const needle = text.trim();
  const lower = needle.toLowerCase();
  const found = new Set([needle, lower]);
  for (const employee of employees) {
    const email = employee.email === null ? null : normalizedIdentifier('email', employee.email);
    const badge = employee.externalId === null ? null : normalizedIdentifier('badge', employee.externalId);
    const matches =
      employee.displayName.toLowerCase().includes(lower) ||
      email === lower ||
      badge === needle ||
      employee.userId === needle;
    if (!matches) continue;
    found.add(employee.userId);
    if (email) found.add(email);
    if (badge) found.add(badge);
  }
  return [...found];
}
