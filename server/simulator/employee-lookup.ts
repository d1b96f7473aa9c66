import type { SimEmployee } from './types';

export interface Identifiers {
  userId?: string | undefined;
  email?: string | undefined;
  externalId?: string | undefined;
}

export type Lookup =
  { kind: 'no-identifier' } | { kind: 'not-found' } | { kind: 'found'; employee: SimEmployee };

/**
 * Resolves one employee: `userId` wins over `email`, which wins over `externalId`; the winner alone decides (no
 * fallback to a weaker identifier). An empty string counts as absent. Emails match case-insensitively. Inactive
 * employees are not found.
 */
export function findEmployee(employees: readonly SimEmployee[], ids: Identifiers): Lookup {
  let match: (employee: SimEmployee) => boolean;
  if (ids.userId) {
    const userId = ids.userId;
    match = (employee) => employee._id === userId;
  } else if (ids.email) {
    const email = ids.email.toLowerCase();
    match = (employee) => employee.email.toLowerCase() === email;
  } else if (ids.externalId) {
    const externalId = ids.externalId;
    match = (employee) => employee.externalId === externalId;
  } else {
    return { kind: 'no-identifier' };
  }
  const employee = employees.find(match);
  return employee?.isActive ? { kind: 'found', employee } : { kind: 'not-found' };
}
