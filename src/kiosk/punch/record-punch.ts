/**
 * A person presented a badge or an email: decide, and when it is a punch, write it to the outbox. Resolves only
 * after the punch is on disk, so the feedback that follows never shows a punch that a crash could lose.
 */
import type { EmployeeRef } from '../../../core/punch';
import { validatePunch } from '../../../core/validate-punch';
import { enqueueIfDue } from '../outbox/outbox';
import type { StoredDirectory } from '../outbox/settings';
import { decidePunch } from './decide-punch';
import { PAIRING_HISTORY_MS, type Direction } from '../../../core/attendance-day';
import { lookupEmployee } from './directory-lookup';
import { identifierKey } from './employee-ref';
import { formatInstant } from './instant';
import { newPunchId } from './new-punch-id';
import { workedTodayMs } from './worked-today';

export interface PunchContext {
  directory: StoredDirectory | null;
  timeZone: string;
  doubleScanWindowS: number;
  maxShiftHours: number;
  nowMs: number;
}

export type PunchOutcome =
  | {
      kind: 'recorded';
      id: string;
      /** Groups this person's punches here; the name the proxy gives in its answer is kept under it. */
      employeeKey: string;
      /** The name this kiosk was told in an earlier answer; null before any. */
      name: string | null;
      direction: Direction;
      atMs: number;
      /** This device's view of the time worked today, null when no pair closed today. */
      workedMs: number | null;
    }
  | { kind: 'double-scan'; name: string | null; firstAtMs: number }
  | { kind: 'unknown'; ref: EmployeeRef }
  | { kind: 'inactive'; ref: EmployeeRef }
  | { kind: 'invalid'; ref: EmployeeRef };

export async function recordPunch(ref: EmployeeRef, context: PunchContext): Promise<PunchOutcome> {
  const { nowMs: atMs, timeZone } = context;
  const punch = { id: newPunchId(), employee: ref, at: formatInstant(atMs, timeZone) };
  if (!validatePunch(punch).ok) return { kind: 'invalid', ref };

  const lookup = await lookupEmployee(context.directory, ref, atMs);
  const employeeKey = lookup.kind === 'known' ? `directory:${lookup.employee.key}` : identifierKey(ref);
  const window = context.doubleScanWindowS * 1000;
  // Decided inside the transaction that reads the person's punches and stores the new one.
  return enqueueIfDue<PunchOutcome>(
    employeeKey,
    atMs - PAIRING_HISTORY_MS,
    atMs + window,
    ({ punches, name }) => {
      const previousAtMs = punches.filter((p) => p.state !== 'rejected').map((p) => p.atMs);
      const decision = decidePunch({
        lookup,
        previousAtMs,
        atMs,
        doubleScanWindowS: context.doubleScanWindowS,
        maxShiftHours: context.maxShiftHours,
        timeZone,
      });
      if (decision.kind === 'unknown' || decision.kind === 'inactive') {
        return { punch: null, result: { kind: decision.kind, ref } };
      }
      if (decision.kind === 'double-scan') {
        return { punch: null, result: { kind: 'double-scan', name, firstAtMs: decision.firstAtMs } };
      }
      const workedMs = workedTodayMs(previousAtMs, atMs, timeZone, context.maxShiftHours);
      return {
        punch: { ...punch, atMs, timeZone, employeeKey },
        result: {
          kind: 'recorded',
          id: punch.id,
          employeeKey,
          name,
          direction: decision.direction,
          atMs,
          workedMs,
        },
      };
    },
  );
}
