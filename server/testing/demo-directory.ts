/** A directory over the simulator's employees, always fresh: the delivery tests are not about the directory. */
import type { DirectoryEmployee } from '../ledger/ledger';
import type { ServiceDirectory } from '../services';
import type { SimEmployee } from '../simulator';

export function staticDirectory(employees: readonly SimEmployee[]): ServiceDirectory {
  const list: DirectoryEmployee[] = employees.map((e) => ({
    userId: e._id,
    email: e.email,
    externalId: e.externalId,
    isActive: e.isActive,
    displayName: e.displayName,
  }));
  const fetchedAtMs = Date.now();
  return {
    resolve(ref) {
      const found = list.find((e) =>
        'externalId' in ref
          ? e.externalId === ref.externalId
          : 'email' in ref
            ? e.email === ref.email.trim().toLowerCase()
            : e.userId === ref.userId,
      );
      if (found === undefined) return { kind: 'unknown', reason: 'no such employee in Kenjo' };
      if (!found.isActive) return { kind: 'inactive', reason: `${found.displayName} is inactive in Kenjo` };
      return { kind: 'found', userId: found.userId };
    },
    employees: () => list,
    fetchedAtMs: () => fetchedAtMs,
  };
}
