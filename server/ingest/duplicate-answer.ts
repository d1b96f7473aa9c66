import type { EmployeeRange, LedgerPunch, LedgerStatus, NewPunch } from '../ledger/ledger';
import type { IngestContext, IngestResult } from './types';

/** A punch id this kiosk already sent, sent again, with the name its employee resolved to. */
export interface Resend {
  record: NewPunch;
  name: string | undefined;
}

/** The stored punches whose answer named the person: all but the refused and the discarded. */
const NAMED: LedgerStatus[] = ['queued', 'sending', 'sent', 'failed', 'ignored'];

/**
 * The answers to punch ids this kiosk already sent, by id. Each carries the name only when the stored punch of that
 * id is of the same person: a kiosk that lost its first answer learns the name it missed. A resend of the id with
 * another badge or email is told no name, or a kiosk token alone would tell the name behind any badge without a
 * punch ever being stored for an operator to see. One read for all of them, and none when no resend would carry a
 * name.
 */
export async function duplicateAnswers(
  ctx: IngestContext,
  resends: readonly Resend[],
): Promise<Map<string, IngestResult>> {
  const ranges = new Map<string, EmployeeRange>();
  for (const { record, name } of resends) {
    if (name === undefined || record.employeeKey === null) continue;
    const range = ranges.get(record.employeeKey);
    if (range === undefined) {
      ranges.set(record.employeeKey, {
        employeeKey: record.employeeKey,
        fromMs: record.atMs,
        toMs: record.atMs,
      });
    } else {
      range.fromMs = Math.min(range.fromMs, record.atMs);
      range.toMs = Math.max(range.toMs, record.atMs);
    }
  }
  const stored =
    ranges.size === 0
      ? new Map<string, LedgerPunch[]>()
      : await ctx.ledger.punchesOfEmployeesBetween([...ranges.values()], NAMED);
  const answers = new Map<string, IngestResult>();
  for (const { record, name } of resends) {
    const answer: IngestResult = { id: record.id, status: 'duplicate' };
    const same =
      record.employeeKey !== null &&
      (stored.get(record.employeeKey) ?? []).some(
        (punch) => punch.id === record.id && punch.kioskId === record.kioskId,
      );
    answers.set(record.id, name !== undefined && same ? { ...answer, name } : answer);
  }
  return answers;
}
