import type { PunchTransition } from '../ledger/ledger';
import type { LedgerPunch, PlannedTransition, StepContext } from './types';

type RecordContext = Pick<StepContext, 'ledger' | 'logger'>;

/** The change guarded by the punch's state and attempts as the step saw them, found by its seq. */
function guarded(punch: LedgerPunch, transition: PunchTransition): PunchTransition & { seq: number } {
  return { ...transition, whileAttempts: punch.attempts, seq: punch.seq };
}

/** The one log line every change gets, or the warning that it was not applied. */
function logged(
  ctx: RecordContext,
  { punch, change }: PlannedTransition,
  updated: LedgerPunch | null,
): LedgerPunch | null {
  const where = { punch: { kioskId: punch.kioskId, id: punch.id } };
  if (updated === null) {
    ctx.logger.warn(
      { ...where, from: change.from, to: change.to, reason: change.logReason },
      'punch moved by someone else; change not applied',
    );
    return null;
  }
  ctx.logger.info(
    {
      ...where,
      from: punch.status,
      to: updated.status,
      reason: change.logReason,
      attempts: updated.attempts,
    },
    'punch state',
  );
  return updated;
}

/**
 * Applies a state change guarded by the punch's state and attempts as this step saw them, and writes the one log
 * line every change gets. Returns null when someone else moved the punch meanwhile (an operator, or another instance
 * that took the employee over and claimed the punch again); the change is then not applied.
 */
export async function recordTransition(
  ctx: RecordContext,
  punch: LedgerPunch,
  change: PunchTransition & { logReason: string },
): Promise<LedgerPunch | null> {
  const { logReason: _, ...transition } = change;
  const updated = await ctx.ledger.transition(punch.kioskId, punch.id, guarded(punch, transition));
  return logged(ctx, { punch, change }, updated);
}

/** `recordTransition` of several punches (each at most once) in one write: the answers in the order given. */
export async function recordTransitions(
  ctx: RecordContext,
  planned: readonly PlannedTransition[],
): Promise<(LedgerPunch | null)[]> {
  const updated = await ctx.ledger.transitions(
    planned.map(({ punch, change: { logReason: _, ...transition } }) => ({
      kioskId: punch.kioskId,
      id: punch.id,
      change: guarded(punch, transition),
    })),
  );
  return planned.map((plan, i) => logged(ctx, plan, updated[i] ?? null));
}
