import type { PunchTransition } from '../ledger/ledger';
import type { LedgerPunch, StepContext } from './types';

/**
 * Applies a state change guarded by the punch's state and attempts as this step saw them, and writes the one log
 * line every change gets. Returns null when someone else moved the punch meanwhile (an operator, or another instance
 * that took the employee over and claimed the punch again); the change is then not applied.
 */
export async function recordTransition(
  ctx: Pick<StepContext, 'ledger' | 'logger'>,
  punch: LedgerPunch,
  change: PunchTransition & { logReason: string },
): Promise<LedgerPunch | null> {
  const { logReason, ...transition } = change;
  const updated = await ctx.ledger.transition(punch.kioskId, punch.id, {
    ...transition,
    whileAttempts: punch.attempts,
    seq: punch.seq,
  });
  const where = { punch: { kioskId: punch.kioskId, id: punch.id } };
  if (updated === null) {
    ctx.logger.warn(
      { ...where, from: transition.from, to: transition.to, reason: logReason },
      'punch moved by someone else; change not applied',
    );
    return null;
  }
  ctx.logger.info(
    { ...where, from: punch.status, to: updated.status, reason: logReason, attempts: updated.attempts },
    'punch state',
  );
  return updated;
}
