import { OVERNIGHT_HISTORY_MS } from '../../core/overnight';
import { LEASE_RETRY_MS } from './employee-leases';
import { beginReadBack } from './read-back';
import { beginResolve } from './resolve-employee';
import { beginSend } from './send-punch';
import type { EmployeeRange, LedgerStatus } from '../ledger/ledger';
import type { BegunStep, LedgerPunch, StepContext, StepResult } from './types';

/**
 * How far around a punch an unsettled call of the same employee can change what Kenjo makes of it. It also holds
 * every punch the overnight decision reads (`decideFor`: `OVERNIGHT_HISTORY_MS` back), so that decision needs no read
 * of its own.
 */
export const NEIGHBOURHOOD_MS = Math.max(3 * 24 * 60 * 60 * 1000, OVERNIGHT_HISTORY_MS);

/**
 * The only states of the neighbourhood's punches that `beginStep` reads: a call in doubt (`sending`) and what Kenjo
 * already has (`sent`, the overnight decision's history). A read given to it may leave out the others.
 */
export const STEP_READS: readonly LedgerStatus[] = ['sending', 'sent'];

/** The punches of the head's employee that `beginStep` looks at before sending it. */
export function neighbourhood(head: LedgerPunch & { employeeKey: string }): EmployeeRange {
  return {
    employeeKey: head.employeeKey,
    fromMs: head.atMs - NEIGHBOURHOOD_MS,
    toMs: head.atMs + NEIGHBOURHOOD_MS,
  };
}

/**
 * A call of this employee still in doubt (`sending`) that is not the chain head: a punch that arrived late and
 * earlier than it became the head meanwhile. Kenjo may hold that call, so it is read back before anything else.
 */
function callInDoubt(head: LedgerPunch, near: readonly LedgerPunch[]): LedgerPunch | null {
  return near.find((p) => p.status === 'sending' && (p.kioskId !== head.kioskId || p.id !== head.id)) ?? null;
}

/**
 * A `sending` punch whose call's end was never recorded may be another instance's call, still under way (that
 * instance stalled, or lost the database but not Kenjo): reading it back before the call can have landed would find
 * nothing and send it twice. The chain waits until the longest call after this instance's claim began, coming back
 * before the claim lapses so that it is renewed, not started over. Null when it may be read back.
 */
function callMayBeUnderWay(
  ctx: StepContext,
  punch: LedgerPunch & { employeeKey: string },
): StepResult | null {
  if (punch.nextAttemptAtMs !== null) return null;
  const endedAtMs = ctx.othersCallsEndedAtMs(punch.employeeKey);
  const nowMs = ctx.now();
  if (nowMs >= endedAtMs) return null;
  return { kind: 'waiting', retryAtMs: Math.min(endedAtMs, nowMs + LEASE_RETRY_MS) };
}

/**
 * Whether `beginStep` given this `read` starts sending `head` at once (a queued head with no call in doubt near it):
 * the claims a group commit plans with `planSend` and writes together.
 */
export function sendsAtOnce(
  head: LedgerPunch,
  read: readonly LedgerPunch[],
): head is LedgerPunch & { employeeKey: string } {
  return head.employeeKey !== null && head.status === 'queued' && callInDoubt(head, read) === null;
}

function settle(ctx: StepContext, punch: LedgerPunch & { employeeKey: string }): BegunStep {
  const wait = callMayBeUnderWay(ctx, punch);
  return wait === null ? beginReadBack(ctx, punch) : { kind: 'ended', result: wait };
}

/**
 * Starts one step of one chain: resolve the employee, settle an ambiguous call, or send. One step at a time per
 * chain, so the loop reads the chain head again after every change (a resolved punch may not be its employee's
 * head). The caller must run this inside a transaction and make the call only after that transaction committed.
 * `read`: the head's `neighbourhood` (its `STEP_READS` punches at least), when the caller read it already in this
 * transaction under the employee's lock.
 */
export async function beginStep(
  ctx: StepContext,
  head: LedgerPunch,
  read?: readonly LedgerPunch[],
): Promise<BegunStep> {
  const { employeeKey } = head;
  if (employeeKey === null) return beginResolve(ctx, head);
  if (head.status === 'sending') return settle(ctx, { ...head, employeeKey });
  if (head.status !== 'queued') return { kind: 'ended', result: { kind: 'waiting', retryAtMs: null } };
  const range = neighbourhood({ ...head, employeeKey });
  const near = read ?? (await ctx.ledger.punchesOfEmployeeBetween(employeeKey, range.fromMs, range.toMs));
  const doubt = callInDoubt(head, near);
  if (doubt === null) return beginSend(ctx, { ...head, employeeKey }, near);
  if (doubt.nextAttemptAtMs !== null && doubt.nextAttemptAtMs > ctx.now()) {
    return { kind: 'ended', result: { kind: 'waiting', retryAtMs: doubt.nextAttemptAtMs } };
  }
  return settle(ctx, { ...doubt, employeeKey });
}
