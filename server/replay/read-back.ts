import { heldReason } from '../../core/held-punch';
import { addDays, wallDate } from '../../core/wall-time';
import { judgeReadBack, type KnownPunch, type ReadBackQuestion } from '../kenjo/entry-readings';
import type { AttendanceList, ReadBackEmployee } from '../kenjo/types';
import { nextAttemptAt } from './backoff';
import { recordTransition } from './record';
import type { BegunStep, LedgerPunch, StepContext, StepResult } from './types';

/** Sent punches further than this from the punch cannot have a wall date next to its own. */
const EVIDENCE_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;
/** Other employees' punches give evidence of how Kenjo writes times; a sample is enough. */
const EVIDENCE_SAMPLE = 500;

/**
 * Settles a `sending` punch (an ambiguous call, or a call a crash interrupted) by reading Kenjo's attendances of
 * days D-2..D+1 around its day D: whether Kenjo's `to` is inclusive or not, every entry holding a punch of D-1 or D
 * is in that answer. Kenjo does not detect duplicates, so it holds one more than the ledger's sent punches at that
 * time exactly when this call landed. How to read Kenjo's times is decided from the punches of D-1 and D known to be
 * applied; when that cannot settle it, the punch is held for an operator instead of being sent again.
 */
export function beginReadBack(ctx: StepContext, punch: LedgerPunch & { employeeKey: string }): BegunStep {
  const day = wallDate(punch.kenjoDateTime);
  return {
    kind: 'calling',
    async call() {
      try {
        const askedAtMs = ctx.now();
        const list = await ctx.kenjo.listAttendances(addDays(day, -2), addDays(day, 1));
        return { record: () => compare(ctx, punch, list, askedAtMs), pauseAllUntilMs: null };
      } catch (err) {
        const detail = `read-back failed: ${err instanceof Error ? err.message : String(err)}`;
        return { record: () => readBackFailed(ctx, punch, detail), pauseAllUntilMs: null };
      }
    },
  };
}

async function readBackFailed(ctx: StepContext, punch: LedgerPunch, detail: string): Promise<StepResult> {
  const retryAtMs = nextAttemptAt(ctx.now(), Math.max(1, punch.attempts), ctx.backoff, ctx.random);
  await recordTransition(ctx, punch, {
    from: ['sending'],
    to: 'sending',
    lastError: detail,
    nextAttemptAtMs: retryAtMs,
    logReason: detail,
  });
  return { kind: 'waiting', retryAtMs };
}

function refOf(punch: LedgerPunch & { employeeKey: string }): ReadBackEmployee {
  const ref = punch.employee;
  return {
    userId: punch.employeeKey,
    email: 'email' in ref ? ref.email : null,
    externalId: 'externalId' in ref ? ref.externalId : null,
  };
}

/**
 * Read when the answer is recorded, after every earlier outcome is in the ledger. Another employee's punch is
 * evidence only if Kenjo had answered it before the listing was asked for: one sent meanwhile may be missing from it.
 */
async function question(
  ctx: StepContext,
  punch: LedgerPunch & { employeeKey: string },
  askedAtMs: number,
): Promise<ReadBackQuestion> {
  const day = wallDate(punch.kenjoDateTime);
  const days = new Set([addDays(day, -1), day]);
  const fromMs = punch.atMs - EVIDENCE_WINDOW_MS;
  const toMs = punch.atMs + EVIDENCE_WINDOW_MS;
  const known: KnownPunch[] = [];
  const add = (p: LedgerPunch) => {
    if (p.employeeKey === null || p.status !== 'sent' || !days.has(wallDate(p.kenjoDateTime))) return;
    known.push({
      employee: refOf({ ...p, employeeKey: p.employeeKey }),
      dateTime: p.kenjoDateTime,
      atMs: p.atMs,
    });
  };
  // All of this employee's: they are the ones already counted at the punch's time.
  for (const p of await ctx.ledger.punchesOfEmployeeBetween(punch.employeeKey, fromMs, toMs)) add(p);
  const others = await ctx.ledger.listPunches({ status: ['sent'], fromMs, toMs, limit: EVIDENCE_SAMPLE });
  for (const p of others.punches) {
    if (p.employeeKey !== punch.employeeKey && p.deliveredAtMs !== null && p.deliveredAtMs <= askedAtMs)
      add(p);
  }
  return {
    employee: refOf(punch),
    punch: { dateTime: punch.kenjoDateTime, atMs: punch.atMs },
    known,
    learned: ctx.readings.learned,
  };
}

async function compare(
  ctx: StepContext,
  punch: LedgerPunch & { employeeKey: string },
  list: AttendanceList,
  askedAtMs: number,
): Promise<StepResult> {
  const { verdict, standing } = judgeReadBack(list.entries, await question(ctx, punch, askedAtMs));
  if (standing !== null && standing.length > 0) ctx.readings.learned = standing;
  const skipped = list.skipped > 0 ? `; ${list.skipped} entries skipped, not in Kenjo's published shape` : '';
  if (verdict.kind === 'unsettled') {
    const reason = heldReason(`${verdict.detail}${skipped}`);
    const updated = await recordTransition(ctx, punch, {
      from: ['sending'],
      to: 'failed',
      reason,
      lastError: reason.text,
      logReason: reason.text,
    });
    return updated ? { kind: 'failed' } : { kind: 'waiting', retryAtMs: null };
  }
  if (verdict.kind === 'present') {
    const updated = await recordTransition(ctx, punch, {
      from: ['sending'],
      to: 'sent',
      deliveredAtMs: ctx.now(),
      lastError: null,
      logReason: `read back: Kenjo has it (${verdict.detail}${skipped})`,
    });
    return updated ? { kind: 'sent' } : { kind: 'waiting', retryAtMs: null };
  }
  const updated = await recordTransition(ctx, punch, {
    from: ['sending'],
    to: 'queued',
    nextAttemptAtMs: null,
    logReason: `read back: Kenjo does not have it (${verdict.detail}${skipped})`,
  });
  return updated ? { kind: 'retry-later', pauseAllUntilMs: null } : { kind: 'waiting', retryAtMs: null };
}
