import { nextAttemptAt } from './backoff';
import { recordTransition } from './record';
import type { BegunStep, LedgerPunch, StepContext, StepResult } from './types';

/**
 * Settles a `sending` chain head (an ambiguous call, or a call a crash interrupted) by asking Kenjo how many punches
 * of this employee sit at exactly this wall-clock time. Kenjo does not detect duplicates, so it holds one more than
 * the ledger's sent punches at that time exactly when this call landed. Such a punch is never sent again unread.
 */
export function beginReadBack(ctx: StepContext, punch: LedgerPunch & { employeeKey: string }): BegunStep {
  const ref = punch.employee;
  return {
    kind: 'calling',
    async call() {
      try {
        const inKenjo = await ctx.kenjo.countPunchesAt(
          {
            userId: punch.employeeKey,
            email: 'email' in ref ? ref.email : null,
            externalId: 'externalId' in ref ? ref.externalId : null,
          },
          punch.kenjoDateTime,
        );
        return { record: () => compare(ctx, punch, inKenjo), pauseAllUntilMs: null };
      } catch (err) {
        const detail = `read-back failed: ${err instanceof Error ? err.message : String(err)}`;
        return { record: () => readBackFailed(ctx, punch, detail), pauseAllUntilMs: null };
      }
    },
  };
}

function readBackFailed(ctx: StepContext, punch: LedgerPunch, detail: string): StepResult {
  const retryAtMs = nextAttemptAt(ctx.now(), Math.max(1, punch.attempts), ctx.backoff, ctx.random);
  recordTransition(ctx, punch, {
    from: ['sending'],
    to: 'sending',
    lastError: detail,
    nextAttemptAtMs: retryAtMs,
    logReason: detail,
  });
  return { kind: 'waiting', retryAtMs };
}

/** Counted when the answer is recorded, after every earlier outcome of the employee is in the ledger. */
function compare(
  ctx: StepContext,
  punch: LedgerPunch & { employeeKey: string },
  inKenjo: number,
): StepResult {
  const alreadySent = ctx.ledger.countSentAt(punch.employeeKey, punch.kenjoDateTime);
  if (inKenjo > alreadySent) {
    const updated = recordTransition(ctx, punch, {
      from: ['sending'],
      to: 'sent',
      deliveredAtMs: ctx.now(),
      lastError: null,
      logReason: `read back: Kenjo has it (${inKenjo} at that time, ${alreadySent} sent before)`,
    });
    return updated ? { kind: 'sent' } : { kind: 'waiting', retryAtMs: null };
  }
  const updated = recordTransition(ctx, punch, {
    from: ['sending'],
    to: 'queued',
    nextAttemptAtMs: null,
    logReason: `read back: Kenjo does not have it (${inKenjo} at that time, ${alreadySent} sent before)`,
  });
  return updated ? { kind: 'retry-later', pauseAllUntilMs: null } : { kind: 'waiting', retryAtMs: null };
}
