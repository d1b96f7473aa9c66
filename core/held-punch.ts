import { punchReason, type CodedReason, type PunchReason } from './punch-reason';

/**
 * A punch held for an operator because the proxy cannot tell whether Kenjo already has it: its call's outcome was
 * unknown and Kenjo's attendances could not settle it. Sending it again might double it, so nobody does that
 * without a person's word. The console offers "confirm it is in Kenjo" for these beside "send it again".
 */
export const HELD_FOR_KENJO_CHECK = 'Kenjo may already have this punch: check and confirm, or send it again';

export function heldReason(detail: string): PunchReason {
  return punchReason('held-for-kenjo-check', { detail }, `${HELD_FOR_KENJO_CHECK} (${detail})`);
}

/** By its code, or by its sentence for a punch stored before reasons had codes. */
export function isHeldForKenjoCheck(reason: string | null, coded: CodedReason | null): boolean {
  if (coded !== null) return coded.code === 'held-for-kenjo-check';
  return reason !== null && reason.startsWith(HELD_FOR_KENJO_CHECK);
}
