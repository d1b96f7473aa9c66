import { decideDoubleScan, doubleScanReason, type RecordedScan } from '../../core/double-scan';
import { reasonText } from '../../core/punch-reason';
import { nextAttemptAt } from './backoff';
import { recordTransition } from './record';
import type { BegunStep, EmployeeResolution, LedgerPunch, StepContext, StepResult } from './types';

/**
 * Gives a punch that arrived while the directory could not answer its Kenjo employee, and judges it as a possible
 * double scan now that its employee's other punches can be compared with it. Only a fresh directory may
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

type Judged = { kind: 'keep'; displace: LedgerPunch[] } | { kind: 'ignore'; coveredByAtMs: number };

/**
 * The double-scan rule (`decideDoubleScan`) for a punch that arrived before its employee was known: ingest could not
 * compare it with that employee's other punches, so it is compared now, against every recorded punch of the employee
 * within the window. Later ones not yet sent are displaced; one already sent makes this one the double scan.
 */
async function judgeDoubleScan(ctx: StepContext, punch: LedgerPunch, employeeKey: string): Promise<Judged> {
  const windowMs = ctx.doubleScanWindowS * 1000;
  if (windowMs <= 0) return { kind: 'keep', displace: [] };
  const near = (
    await ctx.ledger.punchesOfEmployeeBetween(
      employeeKey,
      punch.atMs - windowMs + 1,
      punch.atMs + windowMs - 1,
    )
  ).filter((p) => p.kioskId !== punch.kioskId || p.id !== punch.id);
  const scans: RecordedScan[] = near.map((p) => ({ atMs: p.atMs, movable: p.status === 'queued' }));
  const decision = decideDoubleScan(scans, punch.atMs, ctx.doubleScanWindowS);
  if (decision.kind === 'ignore') return decision;
  return {
    kind: 'keep',
    displace: near.filter((p) => p.status === 'queued' && decision.displace.includes(p.atMs)),
  };
}

async function recordResolution(
  ctx: StepContext,
  punch: LedgerPunch,
  answer: EmployeeResolution,
): Promise<StepResult> {
  switch (answer.kind) {
    case 'found': {
      // Judged as ingest judges a resolved punch, under the employee's lock; an ingest holding it goes first.
      if (!(await ctx.ledger.tryLockEmployee(answer.userId))) return { kind: 'waiting', retryAtMs: null };
      const judged = await judgeDoubleScan(ctx, punch, answer.userId);
      const updated = await recordTransition(ctx, punch, {
        from: ['queued'],
        to: judged.kind === 'ignore' ? 'ignored' : 'queued',
        employeeKey: answer.userId,
        ...(judged.kind === 'ignore'
          ? { reason: doubleScanReason(judged.coveredByAtMs, punch.timeZone) }
          : {}),
        logReason: `the identifier resolved to a Kenjo employee${judged.kind === 'ignore' ? ': a double scan' : ''}`,
      });
      if (updated === null) return { kind: 'waiting', retryAtMs: null };
      if (judged.kind === 'keep') {
        for (const later of judged.displace) {
          await recordTransition(ctx, later, {
            from: ['queued'],
            to: 'ignored',
            reason: doubleScanReason(punch.atMs, later.timeZone),
            logReason: 'a double scan of an earlier punch resolved after it',
          });
        }
      }
      return { kind: 'resolved' };
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
