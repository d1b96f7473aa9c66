/**
 * A person presented a badge or an email: decide, and when it is a punch, write it to the outbox. Resolves only
 * after the punch is on disk, so the feedback that follows never shows a punch that a crash could lose.
 */
import type { EmployeeRef } from '../../../core/punch';
import { validatePunch } from '../../../core/validate-punch';
import { punchesOf } from '../outbox/history';
import { enqueue } from '../outbox/outbox';
import type { StoredDirectory } from '../outbox/settings';
import { decidePunch } from './decide-punch';
import { DIRECTION_LOOKBACK_MS, type Direction } from './direction';
import { lookupEmployee } from './directory-lookup';
import { identifierKey } from './employee-ref';
import { formatInstant } from './instant';
import { newPunchId } from './new-punch-id';

export interface PunchContext {
  directory: StoredDirectory | null;
  timeZone: string;
  doubleScanWindowS: number;
  maxShiftHours: number;
  nowMs: number;
}

export type PunchOutcome =
  | { kind: 'recorded'; id: string; name: string | null; direction: Direction; atMs: number }
  | { kind: 'double-scan'; name: string | null; firstAtMs: number }
  | { kind: 'unknown'; ref: EmployeeRef }
  | { kind: 'invalid'; ref: EmployeeRef };

export async function recordPunch(ref: EmployeeRef, context: PunchContext): Promise<PunchOutcome> {
  const { nowMs: atMs, timeZone } = context;
  const punch = { id: newPunchId(), employee: ref, at: formatInstant(atMs, timeZone) };
  if (!validatePunch(punch).ok) return { kind: 'invalid', ref };

  const lookup = await lookupEmployee(context.directory, ref, atMs);
  const name = lookup.kind === 'known' ? lookup.name : null;
  const employeeKey = lookup.kind === 'known' ? `directory:${lookup.employee.key}` : identifierKey(ref);
  const window = context.doubleScanWindowS * 1000;
  const previous = await punchesOf(employeeKey, atMs - DIRECTION_LOOKBACK_MS, atMs + window);
  const decision = decidePunch({
    lookup,
    previousAtMs: previous.filter((p) => p.state !== 'rejected').map((p) => p.atMs),
    atMs,
    doubleScanWindowS: context.doubleScanWindowS,
    maxShiftHours: context.maxShiftHours,
    timeZone,
  });
  if (decision.kind === 'unknown') return { kind: 'unknown', ref };
  if (decision.kind === 'double-scan') return { kind: 'double-scan', name, firstAtMs: decision.firstAtMs };

  await enqueue({ ...punch, atMs, timeZone, employeeKey });
  return { kind: 'recorded', id: punch.id, name, direction: decision.direction, atMs };
}
