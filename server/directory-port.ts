import { describeEmployee, type EmployeeRef } from '../core/punch';
import type { Directory } from './directory/directory';
import type { EmployeeResolution, ServiceDirectory } from './services';

/**
 * The directory cache as ingest, replay and the routes see it: every answer but `found` carries the sentence an
 * operator reads on the punch ("unknown employee: badge B-1042").
 */
export function directoryPort(directory: Directory): ServiceDirectory {
  return {
    async resolve(ref: EmployeeRef): Promise<EmployeeResolution> {
      const answer = await directory.resolve(ref);
      const who = describeEmployee(ref);
      switch (answer.kind) {
        case 'found':
          return { kind: 'found', userId: answer.employee.userId, displayName: answer.employee.displayName };
        case 'inactive':
          // No name: the reason goes back to the kiosk that sent the punch, and kiosks never learn who is inactive.
          return { kind: 'inactive', reason: `inactive employee: ${who} is no longer active in Kenjo` };
        case 'unknown':
          return { kind: 'unknown', reason: `unknown employee: ${who} is not in Kenjo` };
        case 'unavailable':
          return {
            kind: 'unavailable',
            reason: 'the employee directory cannot be loaded from Kenjo right now',
          };
      }
    },
    employees: () => directory.employees(),
    fetchedAtMs: () => directory.freshness().fetchedAtMs,
  };
}
