import { readBack } from './read-back';
import { resolveEmployee } from './resolve-employee';
import { sendPunch } from './send-punch';
import type { LedgerPunch, StepContext, StepResult } from './types';

/** How far around a punch an unsettled call of the same employee can change what Kenjo makes of it. */
const NEIGHBOURHOOD_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * A call of this employee still in doubt (`sending`) that is not the chain head: a punch that arrived late and
 * earlier than it became the head meanwhile. Kenjo may hold that call, so it is read back before anything else.
 */
function callInDoubt(ctx: StepContext, head: LedgerPunch & { employeeKey: string }): LedgerPunch | null {
  const near = ctx.ledger.punchesOfEmployeeBetween(
    head.employeeKey,
    head.atMs - NEIGHBOURHOOD_MS,
    head.atMs + NEIGHBOURHOOD_MS,
  );
  return near.find((p) => p.status === 'sending' && (p.kioskId !== head.kioskId || p.id !== head.id)) ?? null;
}

/**
 * One step of one chain: resolve the employee, settle an ambiguous call, or send. One step per call, so the loop
 * re-reads the chain head after every change (a resolved punch may not be its employee's head).
 */
export async function runStep(ctx: StepContext, head: LedgerPunch): Promise<StepResult> {
  const { employeeKey } = head;
  if (employeeKey === null) return resolveEmployee(ctx, head);
  if (head.status === 'sending') return readBack(ctx, { ...head, employeeKey });
  if (head.status !== 'queued') return { kind: 'waiting', retryAtMs: null };
  const doubt = callInDoubt(ctx, { ...head, employeeKey });
  if (doubt === null) return sendPunch(ctx, { ...head, employeeKey });
  if (doubt.nextAttemptAtMs !== null && doubt.nextAttemptAtMs > ctx.now()) {
    return { kind: 'waiting', retryAtMs: doubt.nextAttemptAtMs };
  }
  return readBack(ctx, { ...doubt, employeeKey });
}
