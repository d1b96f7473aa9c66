/**
 * A person presented a badge or an email: store it, decide, and keep it in the outbox when it is a punch. Resolves
 * only after the punch is on disk, so the feedback that follows never shows a punch that a crash could lose.
 */
import type { EmployeeRef } from '../../../core/punch';
import { validatePunch } from '../../../core/validate-punch';
import { dropScan, keepScan, personOnDevice, storeScan } from '../outbox/outbox';
import type { PersonOnDevice } from '../outbox/people';
import type { StoredDirectory } from '../outbox/settings';
import { decidePunch } from './decide-punch';
import { PAIRING_HISTORY_MS, type Direction } from '../../../core/attendance-day';
import { lookupEmployee, type Lookup } from './directory-lookup';
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

/**
 * The keys a person's punches are kept under here: the directory's, when it knows them, and the identifier they
 * presented, under which their punches from before the directory arrived are kept. The first is the punch's own.
 */
function employeeKeysOf(lookup: Lookup, presented: string): [string, ...string[]] {
  return lookup.kind === 'known' ? [`directory:${lookup.employee.key}`, presented] : [presented];
}

export async function recordPunch(ref: EmployeeRef, context: PunchContext): Promise<PunchOutcome> {
  const { nowMs: atMs, timeZone } = context;
  const punch = { id: newPunchId(), employee: ref, at: formatInstant(atMs, timeZone) };
  if (!validatePunch(punch).ok) return { kind: 'invalid', ref };

  // Written while the directory is searched: the slow derivation and the disk's round trip overlap. The derivation
  // is asked for first: the step that hands it to the crypto thread then runs before the write's own work on this
  // thread (the transaction, copying the punch), not after it, and the person waits for whichever ends last.
  const scan = { ...punch, atMs, timeZone, employeeKey: identifierKey(ref) };
  const looked = lookupEmployee(context.directory, ref, atMs);
  const stored = storeScan(scan);
  let lookup: Lookup;
  let employeeKeys: [string, ...string[]];
  let person: PersonOnDevice;
  try {
    [lookup] = await Promise.all([looked, stored]);
    employeeKeys = employeeKeysOf(lookup, scan.employeeKey);
    person = await personOnDevice(
      employeeKeys,
      atMs - PAIRING_HISTORY_MS,
      atMs + context.doubleScanWindowS * 1000,
      scan.id,
    );
  } catch (error) {
    // Not stored, or not decided: the answer says it was not saved, so it is not kept either.
    await stored.then(() => dropScan(scan)).catch(() => undefined);
    throw error;
  }
  const [employeeKey] = employeeKeys;
  const { punches, name } = person;
  const previousAtMs = punches.filter((p) => p.state !== 'rejected').map((p) => p.atMs);
  const decision = decidePunch({
    lookup,
    previousAtMs,
    atMs,
    doubleScanWindowS: context.doubleScanWindowS,
    maxShiftHours: context.maxShiftHours,
    timeZone,
  });
  if (decision.kind !== 'record') {
    // Nobody waits for its removal: every later read of the outbox comes after it.
    void dropScan(scan).catch(() => undefined);
    if (decision.kind === 'double-scan') return { kind: 'double-scan', name, firstAtMs: decision.firstAtMs };
    return { kind: decision.kind, ref };
  }
  void keepScan(scan, employeeKey).catch(() => undefined);
  return {
    kind: 'recorded',
    id: punch.id,
    employeeKey,
    name,
    direction: decision.direction,
    atMs,
    workedMs: workedTodayMs(previousAtMs, atMs, timeZone, context.maxShiftHours),
  };
}
