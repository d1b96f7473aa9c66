/**
 * `POST /attendances/track-time` and the naming of its outcome. Kenjo has no idempotency key and stores a repeated
 * punch twice, so an outcome is `not-applied` only when Kenjo certainly did not store the punch; every doubtful case
 * is `unknown`, for the caller to settle with a read-back before sending again.
 *
 *   2xx                                         applied
 *   400, 409, 422 and other 4xx                 rejected (Kenjo's message): this punch will never be accepted
 *   429                                         not-applied, retryAfterMs from Retry-After (seconds or HTTP-date)
 *   401 twice (after a fresh login), 3xx,       not-applied: our key, its permissions or our URL are wrong, which
 *   403, 404, 405, login refused or failed      is a fault of this proxy's configuration, never of the punch
 *   connection refused, DNS, TLS, connect       not-applied: nothing was written to the socket
 *   408, 5xx, timeout, reset, closed socket,    unknown: Kenjo may have stored it
 *   anything unrecognised
 */
import { employeeIdentifier } from '../../core/punch';
import { KenjoUnavailableError } from './errors';
import type { Health } from './health';
import { errorMessage, type HttpResult } from './http';
import { parseRetryAfter } from './retry-after';
import type { Session } from './session';
import type { KenjoLogger, TrackTimeOutcome, TrackTimeRequest } from './types';

export interface TrackTimeContext {
  session: Session;
  health: Health;
  now: () => number;
  logger?: KenjoLogger | undefined;
}

/**
 * Statuses that mean our own configuration is wrong (API key without the permission, wrong base URL), never the
 * punch: it must wait for a fix, not be marked failed.
 */
const CONFIGURATION_STATUSES = new Set([403, 404, 405]);

/** Maps one finished exchange onto an outcome; pure, so every row of the mapping is unit-tested. */
export function outcomeOf(result: HttpResult, nowMs: number): TrackTimeOutcome {
  if (result.kind === 'failure') {
    return result.failure.kind === 'not-sent'
      ? { kind: 'not-applied', retryAfterMs: null, detail: result.failure.detail }
      : { kind: 'unknown', detail: result.failure.detail };
  }
  const { status, headers, body } = result;
  const message = errorMessage(status, body);
  if (status >= 200 && status < 300) return { kind: 'applied' };
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), nowMs);
    return { kind: 'not-applied', retryAfterMs, detail: `Kenjo is rate limiting (429): ${message}` };
  }
  if (status === 401) {
    return {
      kind: 'not-applied',
      retryAfterMs: null,
      detail: `Kenjo refused a fresh token (401): ${message}`,
    };
  }
  if (status >= 300 && status < 400) {
    const location = headers.get('location') ?? 'elsewhere';
    return {
      kind: 'not-applied',
      retryAfterMs: null,
      detail: `Kenjo redirected (${status}) to ${location}; check KENJO_API_URL.`,
    };
  }
  if (CONFIGURATION_STATUSES.has(status)) {
    return {
      kind: 'not-applied',
      retryAfterMs: null,
      detail: `Kenjo answered ${status} (${message}); check KENJO_API_URL and the API key's permissions.`,
    };
  }
  // 408: a gateway gave up on the request; whether Kenjo behind it stored the punch cannot be known.
  if (status === 408 || status >= 500)
    return { kind: 'unknown', detail: `Kenjo answered ${status}: ${message}` };
  if (status >= 400) return { kind: 'rejected', status, message };
  return { kind: 'unknown', detail: `Kenjo answered an unexpected ${status}` };
}

export async function trackTime(
  context: TrackTimeContext,
  { employee, dateTime, isOvernightShift }: TrackTimeRequest,
): Promise<TrackTimeOutcome> {
  const { session, health, now, logger } = context;
  health.trackTimeCalls += 1;
  // Exactly one identifier, whatever else the object carries: Kenjo would silently prefer userId over the rest.
  const { field, value } = employeeIdentifier(employee);
  let outcome: TrackTimeOutcome;
  try {
    const result = await session.send({
      method: 'POST',
      path: '/attendances/track-time',
      body: { [field]: value, dateTime, isOvernightShift },
    });
    outcome = outcomeOf(result, now());
  } catch (err) {
    // Only the login can throw here, and then track-time was never sent: our credentials, not the punch.
    const detail = err instanceof KenjoUnavailableError ? err.message : String(err);
    outcome = { kind: 'not-applied', retryAfterMs: null, detail };
  }
  if (outcome.kind === 'applied' || outcome.kind === 'rejected') health.succeeded();
  else health.failed(outcome.detail);
  const fields = { field, dateTime, isOvernightShift, outcome: outcome.kind };
  if (outcome.kind === 'applied') logger?.debug(fields, 'kenjo track-time');
  else if (outcome.kind === 'rejected') {
    // Kenjo's refusal may quote the employee's email; it is kept on the punch for the console, here at debug only.
    logger?.info(fields, 'kenjo track-time');
    logger?.debug({ message: outcome.message }, 'kenjo track-time refusal');
  } else logger?.warn({ ...fields, detail: outcome.detail }, 'kenjo track-time');
  return outcome;
}
