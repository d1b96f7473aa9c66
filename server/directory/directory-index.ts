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

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
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
      claim(byEmail, normalizeEmail(employee.email), employee);
    }
    if (employee.externalId !== null && employee.externalId.trim() !== '') {
      claim(byExternalId, employee.externalId.trim(), employee);
    }
  }
  return {
    employees,
    find(ref) {
      if ('userId' in ref) return byUserId.get(ref.userId) ?? null;
      if ('email' in ref) return byEmail.get(normalizeEmail(ref.email)) ?? null;
      return byExternalId.get(ref.externalId.trim()) ?? null;
    },
    byUserId: (userId) => byUserId.get(userId) ?? null,
  };
}
