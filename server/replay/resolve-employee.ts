import { reasonText } from '../../core/punch-reason';
import { nextAttemptAt } from './backoff';
import { recordTransition } from './record';
import type { BegunStep, EmployeeResolution, LedgerPunch, StepContext, StepResult } from './types';

/**
 * Gives a punch that arrived while the directory could not answer its Kenjo employee. Only a fresh directory may
 * fail it (`unknown`, `inactive`): the punch is then kept as `failed` for an operator to reassign or discard. An
 * unavailable directory leaves it queued; `retryAtMs` tells the loop when to ask the directory again.
 */
export function beginResolve(ctx: StepContext, punch: LedgerPunch): BegunStep {
  return {
    kind: 'calling',
    async call() {
      const answer = await ctx.directory.resolve(punch.employee);
      return { record: () => recordResolution(ctx, punch, answer), pauseAllUntilMs: null };
    },
  };
}

async function recordResolution(
  ctx: StepContext,
  punch: LedgerPunch,
  answer: EmployeeResolution,
): Promise<StepResult> {
  switch (answer.kind) {
    case 'found': {
      const updated = await recordTransition(ctx, punch, {
        from: ['queued'],
        to: 'queued',
        employeeKey: answer.userId,
        logReason: 'the identifier resolved to a Kenjo employee',
      });
      return updated ? { kind: 'resolved' } : { kind: 'waiting', retryAtMs: null };
    }
    case 'unknown':
    case 'inactive': {
      const updated = await recordTransition(ctx, punch, {
        from: ['queued'],
        to: 'failed',
        reason: answer.reason,
        // The directory's reason names the badge or email; the log says only which kind of answer it was.
        logReason: `${answer.kind} employee`,
      });
      return updated ? { kind: 'failed' } : { kind: 'waiting', retryAtMs: null };
    }
    case 'unavailable': {
      const retryAtMs = nextAttemptAt(ctx.now(), 1, ctx.backoff, ctx.random, null, ctx.backoff.baseMs);
      ctx.logger.warn(
        { punch: { kioskId: punch.kioskId, id: punch.id }, reason: reasonText(answer.reason) },
        'cannot resolve the employee yet',
      );
      return { kind: 'waiting', retryAtMs };
    }
  }
}
