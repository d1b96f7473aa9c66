import type { NewPunch } from '../ledger/ledger';
import type { IngestContext, IngestResult } from './types';

/**
 * The answer to a punch id this kiosk already sent. It carries the name only when the resend is of the same person
 * as the stored punch: a kiosk that lost its first answer learns the name it missed. A resend of the id with another
 * badge or email is told no name, or a kiosk token alone would tell the name behind any badge without a punch ever
 * being stored for an operator to see. The stored punch is read only for a resend that would carry a name.
 */
export async function duplicateAnswer(
  ctx: IngestContext,
  resent: NewPunch,
  name: string | undefined,
): Promise<IngestResult> {
  const answer: IngestResult = { id: resent.id, status: 'duplicate' };
  if (name === undefined || resent.employeeKey === null) return answer;
  const stored = await ctx.ledger.getPunch(resent.kioskId, resent.id);
  return stored?.employeeKey === resent.employeeKey ? { ...answer, name } : answer;
}
