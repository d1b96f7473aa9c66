import { beginReadBack } from './read-back';
import { beginResolve } from './resolve-employee';
import { beginSend } from './send-punch';
import type { BegunStep, LedgerPunch, StepContext } from './types';

/** How far around a punch an unsettled call of the same employee can change what Kenjo makes of it. */
const NEIGHBOURHOOD_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * A call of this employee still in doubt (`sending`) that is not the chain head: a punch that arrived late and
 * earlier than it became the head meanwhile. Kenjo may hold that call, so it is read back before anything else.
 */
async function callInDoubt(
  ctx: StepContext,
  head: LedgerPunch & { employeeKey: string },
): Promise<LedgerPunch | null> {
  const near = await ctx.ledger.punchesOfEmployeeBetween(
    head.employeeKey,
    head.atMs - NEIGHBOURHOOD_MS,
    head.atMs + NEIGHBOURHOOD_MS,
  );
  return near.find((p) => p.status === 'sending' && (p.kioskId !== head.kioskId || p.id !== head.id)) ?? null;
}

/**
 * Starts one step of one chain: resolve the employee, settle an ambiguous call, or send. One step at a time per
 * chain, so the loop reads the chain head again after every change (a resolved punch may not be its employee's
 * head). The caller must run this inside a transaction and make the call only after that transaction committed.
 */
export async function beginStep(ctx: StepContext, head: LedgerPunch): Promise<BegunStep> {
  const { employeeKey } = head;
  if (employeeKey === null) return beginResolve(ctx, head);
  if (head.status === 'sending') return beginReadBack(ctx, { ...head, employeeKey });
  if (head.status !== 'queued') return { kind: 'ended', result: { kind: 'waiting', retryAtMs: null } };
  const doubt = await callInDoubt(ctx, { ...head, employeeKey });
  if (doubt === null) return beginSend(ctx, { ...head, employeeKey });
  if (doubt.nextAttemptAtMs !== null && doubt.nextAttemptAtMs > ctx.now()) {
    return { kind: 'ended', result: { kind: 'waiting', retryAtMs: doubt.nextAttemptAtMs } };
  }
  return beginReadBack(ctx, { ...doubt, employeeKey });
}
