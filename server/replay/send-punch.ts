import { canCloseOvernight } from '../../core/attendance-day';
import {
  decideOvernight,
  OVERNIGHT_HISTORY_MS,
  overnightWitnesses,
  type OvernightDecision,
} from '../../core/overnight';
import { kenjoReasons } from '../../core/punch-reason';
import { nextAttemptAt } from './backoff';
import { recordTransition } from './record';
import type { TrackTimeOutcome } from '../kenjo/types';
import type { BegunStep, LedgerPunch, PlannedTransition, StepContext, StepResult } from './types';

/**
 * Decides the overnight flag from what Kenjo already has of this employee: core's witnesses of the decision among
 * the punches delivered in the window it names. `near` is the employee's punches around this one as the step read
 * them (`neighbourhood`, which reaches at least `OVERNIGHT_HISTORY_MS` back); past 18:00 none can make it close.
 */
export function decideFor(
  ctx: Pick<StepContext, 'maxShiftHours'>,
  punch: LedgerPunch,
  near: readonly LedgerPunch[],
): OvernightDecision {
  const wallTime = punch.kenjoDateTime;
  const sinceMs = punch.atMs - OVERNIGHT_HISTORY_MS;
  const delivered = canCloseOvernight(wallTime)
    ? near.filter((p) => p.status === 'sent' && p.atMs >= sinceMs)
    : [];
  const history = delivered.map((sent) => ({
    wallTime: sent.kenjoDateTime,
    atMs: sent.atMs,
    isOvernightShift: sent.isOvernightShift ?? false,
  }));
  return decideOvernight(
    overnightWitnesses(history, wallTime),
    { wallTime, atMs: punch.atMs },
    ctx.maxShiftHours,
  );
}

/** A queued chain head's send as decided before its claim: the overnight decision and its `sending` change. */
export interface PlannedSend {
  decision: OvernightDecision;
  planned: PlannedTransition;
}

/**
 * Decides how to send a queued chain head (`near`: its `neighbourhood`). The decision is taken afresh on every
 * attempt from the delivered history; with an unchanged history it is the same decision.
 */
export function planSend(
  ctx: Pick<StepContext, 'maxShiftHours'>,
  punch: LedgerPunch & { employeeKey: string },
  near: readonly LedgerPunch[],
): PlannedSend {
  const decision = decideFor(ctx, punch, near);
  return {
    decision,
    planned: {
      punch,
      change: {
        from: ['queued'],
        to: 'sending',
        isOvernightShift: decision.isOvernightShift,
        overnightReason: decision.reason,
        incrementAttempts: true,
        nextAttemptAtMs: null,
        logReason: `calling Kenjo, attempt ${punch.attempts + 1}: ${decision.reason.text}`,
      },
    },
  };
}

/**
 * Starts sending a queued chain head. The decision and the `sending` state are written before the call and the
 * caller commits them before making it, so a crash during the call leaves a `sending` punch that is read back, never
 * blindly sent again.
 */
export async function beginSend(
  ctx: StepContext,
  punch: LedgerPunch & { employeeKey: string },
  near: readonly LedgerPunch[],
): Promise<BegunStep> {
  const send = planSend(ctx, punch, near);
  const sending = await recordTransition(ctx, punch, send.planned.change);
  if (sending === null) return { kind: 'ended', result: { kind: 'waiting', retryAtMs: null } };
  return sendingStep(ctx, punch, send.decision, sending);
}

/** The call of a send whose `sending` change (`sending`: the punch as written) is about to be committed. */
export function sendingStep(
  ctx: StepContext,
  punch: LedgerPunch & { employeeKey: string },
  decision: OvernightDecision,
  sending: LedgerPunch,
): Extract<BegunStep, { kind: 'calling' }> {
  return {
    kind: 'calling',
    async call() {
      const outcome = await ctx.kenjo
        .trackTime({
          employee: { userId: punch.employeeKey },
          dateTime: punch.kenjoDateTime,
          isOvernightShift: decision.isOvernightShift,
        })
        .catch((err: unknown) => ({ kind: 'unknown' as const, detail: `client error: ${String(err)}` }));
      const now = ctx.now();
      const pauseAllUntilMs =
        outcome.kind === 'not-applied' && outcome.retryAfterMs !== null ? now + outcome.retryAfterMs : null;
      const recorded = outcomeOf(ctx, sending, outcome, now, pauseAllUntilMs);
      return {
        record: async () => {
          await recordTransition(ctx, recorded.planned.punch, recorded.planned.change);
          return recorded.result;
        },
        outcome: recorded,
        pauseAllUntilMs,
      };
    },
    release: (why) => releaseClaim(ctx, sending, why),
  };
}

/** Undoes a `sending` claim whose call was certainly never made (the replay stopped, or the chain changed first). */
export async function releaseClaim(ctx: StepContext, sending: LedgerPunch, why: string): Promise<StepResult> {
  await recordTransition(ctx, sending, {
    from: ['sending'],
    to: 'queued',
    nextAttemptAtMs: null,
    logReason: `not called: ${why}`,
  });
  return { kind: 'waiting', retryAtMs: null };
}

/**
 * The change that records Kenjo's answer, and what it means for the loop whether or not it applies (another instance
 * may have moved the punch meanwhile). `now` is when Kenjo answered, which may be a little before the commit that
 * records it; `pauseAllUntilMs` is the pause its Retry-After asked for, computed once when the answer arrived.
 */
function outcomeOf(
  ctx: StepContext,
  sending: LedgerPunch,
  outcome: TrackTimeOutcome,
  now: number,
  pauseAllUntilMs: number | null,
): { planned: PlannedTransition; result: StepResult } {
  const planned = (change: PlannedTransition['change']) => ({ punch: sending, change });
  const retryAt = (retryAfterMs: number | null, floorMs?: number) =>
    nextAttemptAt(now, sending.attempts, ctx.backoff, ctx.random, retryAfterMs, floorMs);
  switch (outcome.kind) {
    case 'applied':
      return {
        planned: planned({
          from: ['sending'],
          to: 'sent',
          deliveredAtMs: now,
          lastError: null,
          logReason: 'Kenjo applied it',
        }),
        result: { kind: 'sent' },
      };
    case 'not-applied':
      return {
        planned: planned({
          from: ['sending'],
          to: 'queued',
          lastError: outcome.detail,
          nextAttemptAtMs: retryAt(outcome.retryAfterMs),
          logReason: `Kenjo did not apply it: ${outcome.detail}`,
        }),
        result: { kind: 'retry-later', pauseAllUntilMs },
      };
    case 'unknown':
      return {
        planned: planned({
          from: ['sending'],
          to: 'sending',
          lastError: outcome.detail,
          nextAttemptAtMs: retryAt(null, ctx.readBackDelayMs),
          logReason: `outcome unknown, to be read back: ${outcome.detail}`,
        }),
        result: { kind: 'unknown' },
      };
    case 'rejected': {
      const reason = kenjoReasons.refused(outcome.status, outcome.message);
      return {
        planned: planned({
          from: ['sending'],
          to: 'failed',
          reason,
          lastError: reason.text,
          // Kenjo's message may quote the employee's email: the punch keeps it for the console, the log does not.
          logReason: `Kenjo refused it (${outcome.status})`,
        }),
        result: { kind: 'failed' },
      };
    }
  }
}
