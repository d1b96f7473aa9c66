import { normalizedIdentifier } from '../../core/identifier-hash';
import type { EmployeeRef } from '../../core/punch';
import type { DirectoryEmployee } from '../ledger/ledger';

/**
 * Lookup tables over one snapshot of the employee list. Emails match trimmed and case-insensitively (Kenjo treats
 * them as addresses); badge numbers (`externalId`) match trimmed but exactly; user ids exactly. When two employees
 * share an email or badge (a leaver and their successor), the active one wins, then the first in Kenjo's order.
 */
export interface DirectoryIndex {
  readonly employees: readonly DirectoryEmployee[];
  find(ref: EmployeeRef): DirectoryEmployee | null;
  byUserId(userId: string): DirectoryEmployee | null;
}

function claim(map: Map<string, DirectoryEmployee>, key: string, employee: DirectoryEmployee): void {
  const holder = map.get(key);
  if (holder === undefined || (!holder.isActive && employee.isActive)) map.set(key, employee);
}

export function buildDirectoryIndex(employees: readonly DirectoryEmployee[]): DirectoryIndex {
  const byUserId = new Map<string, DirectoryEmployee>();
  const byEmail = new Map<string, DirectoryEmployee>();
  const byExternalId = new Map<string, DirectoryEmployee>();
  for (const employee of employees) {
    claim(byUserId, employee.userId, employee);
    if (employee.email !== null && employee.email.trim() !== '') {
      claim(byEmail, normalizedIdentifier('email', employee.email), employee);
    }
    if (employee.externalId !== null && employee.externalId.trim() !== '') {
      claim(byExternalId, normalizedIdentifier('badge', employee.externalId), employee);
    }
  }
  return {
    employees,
    find(ref) {
      if ('userId' in ref) return byUserId.get(ref.userId) ?? null;
      if ('email' in ref) return byEmail.get(normalizedIdentifier('email', ref.email)) ?? null;
      return byExternalId.get(normalizedIdentifier('badge', ref.externalId)) ?? null;
    },
    byUserId: (userId) => byUserId.get(userId) ?? null,
  };
}
