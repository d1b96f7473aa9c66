/** What the kiosk does with a presented badge or email: the pure decision (a scan that is not a punch is not kept). */
import { findDoubleScan } from '../../../core/double-scan';
import type { Lookup } from './directory-lookup';
import type { Direction } from '../../../core/attendance-day';
import { guessDirection } from './direction';

export type PunchDecision =
  | { kind: 'record'; direction: Direction }
  /** Inside the double-scan window of `firstAtMs`: nothing is queued. */
  | { kind: 'double-scan'; firstAtMs: number }
  /** A fresh directory does not know the identifier: nothing is queued. */
  | { kind: 'unknown' }
  /** The employee is not active in Kenjo: nothing is queued. */
  | { kind: 'inactive' };

export interface DecisionInput {
  lookup: Lookup;
  /** This person's earlier punches on this device that the proxy did not reject. */
  previousAtMs: readonly number[];
  atMs: number;
  doubleScanWindowS: number;
  maxShiftHours: number;
  timeZone: string;
}

export function decidePunch(input: DecisionInput): PunchDecision {
  if (input.lookup.kind === 'unknown' || input.lookup.kind === 'inactive') return { kind: input.lookup.kind };
  const firstAtMs = findDoubleScan(input.previousAtMs, input.atMs, input.doubleScanWindowS);
  if (firstAtMs !== null) return { kind: 'double-scan', firstAtMs };
  return {
    kind: 'record',
    direction: guessDirection(input.previousAtMs, input.atMs, input.timeZone, input.maxShiftHours),
  };
}
