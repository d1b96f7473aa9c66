import { readBack } from './read-back';
import { resolveEmployee } from './resolve-employee';
import { sendPunch } from './send-punch';
import type { LedgerPunch, StepContext, StepResult } from './types';

/**
 * One step of one chain: resolve the employee, settle an ambiguous call, or send. One step per call, so the loop
 * re-reads the chain head after every change (a resolved punch may not be its employee's head).
 */
export async function runStep(ctx: StepContext, head: LedgerPunch): Promise<StepResult> {
  const { employeeKey } = head;
  if (employeeKey === null) return resolveEmployee(ctx, head);
  if (head.status === 'sending') return readBack(ctx, { ...head, employeeKey });
  if (head.status === 'queued') return sendPunch(ctx, { ...head, employeeKey });
  return { kind: 'waiting', retryAtMs: null };
}
