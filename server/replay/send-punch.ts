import { decideOvernight, type DeliveredPunch } from '../../core/overnight';
import { nextAttemptAt } from './backoff';
import { recordTransition } from './record';
import type { LedgerPunch, StepContext, StepResult } from './types';

/** Longest look-back the overnight decision needs: the previous calendar day plus the longest allowed shift. */
const HISTORY_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;

/** Decides the overnight flag from what Kenjo already has of this employee. */
export function decideFor(
  ctx: Pick<StepContext, 'ledger' | 'maxShiftHours'>,
  punch: LedgerPunch & { employeeKey: string },
): { isOvernightShift: boolean; reason: string } {
  const history: DeliveredPunch[] = ctx.ledger
    .deliveredHistory(punch.employeeKey, punch.atMs - HISTORY_WINDOW_MS)
    .map((sent) => ({
      wallTime: sent.kenjoDateTime,
      atMs: sent.atMs,
      isOvernightShift: sent.isOvernightShift ?? false,
    }));
  return decideOvernight(history, { wallTime: punch.kenjoDateTime, atMs: punch.atMs }, ctx.maxShiftHours);
}

/**
 * Sends a queued chain head. The decision and the `sending` state are committed before the call, so a crash
 * during the call leaves a `sending` punch that is read back, never blindly sent again. The decision is taken
 * afresh on every attempt from the delivered history; with an unchanged history it is the same decision.
 */
export async function sendPunch(
  ctx: StepContext,
  punch: LedgerPunch & { employeeKey: string },
): Promise<StepResult> {
  const decision = decideFor(ctx, punch);
  const sending = recordTransition(ctx, punch, {
    from: ['queued'],
    to: 'sending',
    isOvernightShift: decision.isOvernightShift,
    overnightReason: decision.reason,
    incrementAttempts: true,
    nextAttemptAtMs: null,
    logReason: `calling Kenjo, attempt ${punch.attempts + 1}: ${decision.reason}`,
  });
  if (sending === null) return { kind: 'waiting', retryAtMs: null };

  const outcome = await ctx.kenjo
    .trackTime({
      employee: { userId: punch.employeeKey },
      dateTime: punch.kenjoDateTime,
      isOvernightShift: decision.isOvernightShift,
    })
    .catch((err: unknown) => ({ kind: 'unknown' as const, detail: `client error: ${String(err)}` }));

  const now = ctx.now();
  switch (outcome.kind) {
    case 'applied':
      recordTransition(ctx, sending, {
        from: ['sending'],
        to: 'sent',
        deliveredAtMs: now,
        lastError: null,
        logReason: 'Kenjo applied it',
      });
      return { kind: 'sent' };
    case 'not-applied': {
      recordTransition(ctx, sending, {
        from: ['sending'],
        to: 'queued',
        lastError: outcome.detail,
        nextAttemptAtMs: nextAttemptAt(now, sending.attempts, ctx.backoff, ctx.random, outcome.retryAfterMs),
        logReason: `Kenjo did not apply it: ${outcome.detail}`,
      });
      const pauseAllUntilMs = outcome.retryAfterMs === null ? null : now + outcome.retryAfterMs;
      return { kind: 'retry-later', pauseAllUntilMs };
    }
    case 'unknown':
      recordTransition(ctx, sending, {
        from: ['sending'],
        to: 'sending',
        lastError: outcome.detail,
        nextAttemptAtMs: nextAttemptAt(
          now,
          sending.attempts,
          ctx.backoff,
          ctx.random,
          null,
          ctx.readBackDelayMs,
        ),
        logReason: `outcome unknown, to be read back: ${outcome.detail}`,
      });
      return { kind: 'unknown' };
    case 'rejected': {
      const reason = `Kenjo refused it (${outcome.status}): ${outcome.message}`;
      recordTransition(ctx, sending, {
        from: ['sending'],
        to: 'failed',
        reason,
        lastError: reason,
        logReason: reason,
      });
      return { kind: 'failed' };
    }
  }
}
