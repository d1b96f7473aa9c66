import { reasonText, type ReasonInput } from '../../core/punch-reason';
import { type DoubleScanChanges, rejudgeStretch } from '../ingest/rejudge-stretch';
import type { NewPunch } from '../ledger/ledger';
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

/**
 * The double-scan rule for a punch that arrived before its employee was known: ingest could not judge it, so its
 * employee's stretch around it is judged now as ingest judges a late punch (`rejudgeStretch`, in time order), so that
 * what is kept does not depend on when the directory answered. `keptBeforeAtMs` is the employee's last kept punch
 * less than a window before it, as ingest reads it.
 */
async function judgeDoubleScan(
  ctx: StepContext,
  punch: LedgerPunch,
  employeeKey: string,
): Promise<{ reason: ReasonInput | null; changes: DoubleScanChanges }> {
  const changes: DoubleScanChanges = { decided: new Map(), displaced: [], restored: [] };
  const windowMs = ctx.doubleScanWindowS * 1000;
  if (windowMs <= 0) return { reason: null, changes };
  const before = await ctx.ledger.punchesOfEmployeeBetween(
    employeeKey,
    punch.atMs - windowMs + 1,
    punch.atMs - 1,
  );
  const keptBeforeAtMs = before.length === 0 ? null : Math.max(...before.map((p) => p.atMs));
  const { kioskId, id, employee, at, atMs, timeZone, kenjoDateTime, receivedAtMs } = punch;
  const record: NewPunch = {
    kioskId,
    id,
    employee,
    at,
    atMs,
    timeZone,
    kenjoDateTime,
    receivedAtMs,
    employeeKey,
    status: 'queued',
    reason: null,
  };
  await rejudgeStretch(ctx, employeeKey, [{ index: 0, record }], keptBeforeAtMs, changes);
  return { reason: changes.decided.get(0)?.reason ?? null, changes };
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
      const { reason, changes } = await judgeDoubleScan(ctx, punch, answer.userId);
      const updated = await recordTransition(ctx, punch, {
        from: ['queued'],
        to: reason === null ? 'queued' : 'ignored',
        employeeKey: answer.userId,
        ...(reason === null ? {} : { reason }),
        logReason: `the identifier resolved to a Kenjo employee${reason === null ? '' : ': a double scan'}`,
      });
      if (updated === null) return { kind: 'waiting', retryAtMs: null };
      for (const { punch: later, reason: laterReason } of changes.displaced) {
        await recordTransition(ctx, later, {
          from: ['queued'],
          to: 'ignored',
          reason: laterReason,
          logReason: 'a double scan of an earlier punch resolved after it',
        });
      }
      // Double scans of a punch just displaced that nothing else covers: sent after all, as in time order.
      for (const restored of changes.restored) {
        await recordTransition(ctx, restored, {
          from: ['ignored'],
          to: 'queued',
          reason: null,
          logReason: 'what covered it is a double scan of a punch resolved after it',
        });
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
