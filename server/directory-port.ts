import type { EmployeeRef } from '../core/punch';
import { employeeReasons } from '../core/punch-reason';
import type { Directory } from './directory/directory';
import type { EmployeeResolution, ServiceDirectory } from './services';

/**
 * The directory cache as ingest, replay and the routes see it: every answer but `found` carries the sentence an
 * operator reads on the punch ("unknown employee: badge B-1042"), with its code for the console.
 */
export function directoryPort(directory: Directory): ServiceDirectory {
  return {
    async resolve(ref: EmployeeRef): Promise<EmployeeResolution> {
      const answer = await directory.resolve(ref);
      switch (answer.kind) {
        case 'found':
          return { kind: 'found', userId: answer.employee.userId, displayName: answer.employee.displayName };
        case 'inactive':
          return { kind: 'inactive', reason: employeeReasons.inactive(ref) };
        case 'unknown':
          return { kind: 'unknown', reason: employeeReasons.unknown(ref) };
        case 'unavailable':
          return { kind: 'unavailable', reason: employeeReasons.unavailable() };
      }
    },
    employees: () => directory.employees(),
    fetchedAtMs: () => directory.freshness().fetchedAtMs,
  };
}
