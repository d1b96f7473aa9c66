import { isUuid } from '../../core/identifiers';
import type { EmployeeRef } from '../../core/punch';
import { arrivalReasons, type PunchReason } from '../../core/punch-reason';
import { validatePunch } from '../../core/validate-punch';
import { parseInstant, toWallTime } from '../../core/wall-time';
import type { EmployeeResolution } from '../services';
import { rejectedRecord } from './rejected-record';
import type { BatchInput, IngestContext, PreparedPunch } from './types';

/** Per batch: ids already seen (a repeated id is a duplicate), and one directory answer per identifier. */
export interface BatchMemory {
  seenIds: Set<string>;
  resolutions: Map<string, Promise<EmployeeResolution>>;
}

function resolveOnce(ctx: IngestContext, memory: BatchMemory, ref: EmployeeRef): Promise<EmployeeResolution> {
  const key = JSON.stringify(ref);
  let answer = memory.resolutions.get(key);
  if (!answer) {
    answer = Promise.resolve(ctx.directory.resolve(ref));
    memory.resolutions.set(key, answer);
  }
  return answer;
}

const DAY_MS = 24 * 3_600_000;

/**
 * Queued, or held as `failed` when the punch is older than the limit on arrival: a kiosk that was offline for weeks,
 * or a clock set years back, must not write the past into Kenjo unseen. An operator sends it (retry) or discards it.
 */
function heldWhenOld(
  ctx: IngestContext,
  atMs: number,
  receivedAtMs: number,
): { status: 'queued' | 'failed'; reason: PunchReason | null } {
  const ageDays = Math.floor((receivedAtMs - atMs) / DAY_MS);
  if (receivedAtMs - atMs <= ctx.maxPunchAgeDays * DAY_MS) return { status: 'queued', reason: null };
  return {
    status: 'failed',
    reason: arrivalReasons.tooOld(ageDays, ctx.maxPunchAgeDays),
  };
}

/**
 * Every check of one punch that does not depend on the other punches: shape, id, future limit, wall time, the
 * employee. A punch without a UUID cannot be stored under its id: it is answered `rejected` and only logged.
 * Whether the kiosk already stored the id is asked once for the whole batch, at commit (`commit-batch.ts`).
 */
export async function preparePunch(
  ctx: IngestContext,
  batch: BatchInput,
  memory: BatchMemory,
  raw: unknown,
): Promise<PreparedPunch> {
  const { kiosk, receivedAtMs } = batch;
  const object =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const rawId = typeof object.id === 'string' ? object.id : null;
  const checked = validatePunch(raw);
  if (rawId !== null && isUuid(rawId)) {
    if (memory.seenIds.has(rawId)) return { kind: 'answered', result: { id: rawId, status: 'duplicate' } };
    memory.seenIds.add(rawId);
  }
  if (!checked.ok) {
    if (rawId !== null && isUuid(rawId)) {
      return {
        kind: 'store',
        record: rejectedRecord(object, rawId, kiosk, arrivalReasons.invalid(checked.message), receivedAtMs),
        answer: { code: 'invalid-punch' },
      };
    }
    // Counted in the batch's one line (`ingest-batch.ts`); the kiosk sees the reason in its answer.
    return {
      kind: 'answered',
      result: { id: rawId, status: 'rejected', reason: checked.message, code: 'invalid-punch' },
    };
  }

  const { punch } = checked;
  const atMs = parseInstant(punch.at) ?? receivedAtMs;
  const base = {
    kioskId: kiosk.id,
    id: punch.id,
    employee: punch.employee,
    at: punch.at,
    atMs,
    timeZone: kiosk.timeZone,
    kenjoDateTime: toWallTime(atMs, kiosk.timeZone),
    receivedAtMs,
  };
  const aheadMs = atMs - receivedAtMs;
  if (aheadMs > ctx.maxClockSkewS * 1000) {
    const reason = arrivalReasons.clockAhead(Math.round(aheadMs / 1000), ctx.maxClockSkewS);
    return {
      kind: 'store',
      record: { ...base, employeeKey: null, status: 'rejected', reason },
      answer: { code: 'clock-ahead', params: reason.params },
    };
  }
  const resolution = await resolveOnce(ctx, memory, punch.employee);
  switch (resolution.kind) {
    case 'found':
      return {
        kind: 'store',
        record: { ...base, employeeKey: resolution.userId, ...heldWhenOld(ctx, atMs, receivedAtMs) },
        ...(resolution.displayName === undefined ? {} : { name: resolution.displayName }),
      };
    case 'unknown':
    case 'inactive':
      return {
        kind: 'store',
        record: { ...base, employeeKey: null, status: 'rejected', reason: resolution.reason },
        answer: { code: resolution.kind === 'unknown' ? 'unknown-employee' : 'inactive-employee' },
      };
    case 'unavailable':
      // Kenjo cannot be asked now; replay resolves the employee later and fails the punch only on a fresh answer.
      return {
        kind: 'store',
        record: { ...base, employeeKey: null, ...heldWhenOld(ctx, atMs, receivedAtMs) },
      };
  }
}
