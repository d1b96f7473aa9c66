/**
 * `POST /attendances/track-time` and the naming of its outcome. Kenjo has no idempotency key and stores a repeated
 * punch twice, so an outcome is `not-applied` only when Kenjo certainly did not store the punch; every doubtful case
 * is `unknown`, for the caller to settle with a read-back before sending again.
 *
 *   2xx with the echo of the punch              applied
 *   2xx with anything else (a page, another     unknown, counted as an unexpected answer
 *   punch)
 *   400, 409, 422 and other 4xx                 rejected (Kenjo's message): this punch will never be accepted
 *   429                                         not-applied, retryAfterMs from Retry-After (seconds or HTTP-date)
 *   (403, 404, 405, 3xx and a refused login also wait a growing retryAfterMs: every call would meet them)
 *   401 twice (after a fresh login), 3xx,       not-applied: our key, its permissions or our URL are wrong, which
 *   403, 404, 405, login refused or failed      is a fault of this proxy's configuration, never of the punch
 *   connection refused, DNS, TLS, connect       not-applied: nothing was written to the socket
 *   408, 5xx, timeout, reset, closed socket,    unknown: Kenjo may have stored it
 *   anything unrecognised
 */
import { normalizedIdentifier } from '../../core/identifier-hash';
import { EMPLOYEE_ID_FIELDS, employeeIdentifier } from '../../core/punch';
import { configurationSentence } from './configuration';
import { KenjoAuthError, KenjoUnavailableError } from './errors';
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

const TRACK_TIME_PATH = '/attendances/track-time';

/** The body Kenjo is sent: one identifier, the wall time, and the overnight flag only when it is true. */
export type TrackTimeBody = Record<string, string | boolean>;

/**
 * Kenjo answers a stored punch with the request body echoed. A 2xx that is not that echo (a web page, another
 * identifier or dateTime) did not come from Kenjo's track-time, or not for this punch: it proves nothing.
 * A dateTime echoed with a zero fraction or a `Z` is still the same wall time.
 */
export function isEcho(body: unknown, sent: TrackTimeBody): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const echo = body as Record<string, unknown>;
  const sentDateTime = String(sent['dateTime']);
  const dateTime = echo['dateTime'];
  if (typeof dateTime !== 'string' || !dateTime.startsWith(sentDateTime)) return false;
  if (!/^(\.0+)?Z?$/.test(dateTime.slice(sentDateTime.length))) return false;
  const field = EMPLOYEE_ID_FIELDS.find((name) => name in sent);
  if (field === undefined) return false;
  const value = echo[field];
  if (typeof value !== 'string') return false;
  return field === 'email'
    ? normalizedIdentifier('email', value) === normalizedIdentifier('email', String(sent[field]))
    : value === sent[field];
}

function describeBody(body: unknown): string {
  if (typeof body === 'string') return `a page: ${body.replace(/\s+/g, ' ').trim().slice(0, 80)}`;
  if (body === null || body === undefined) return 'an empty body';
  return `another body: ${JSON.stringify(body).slice(0, 120)}`;
}

/** Maps one finished exchange onto an outcome; pure, so every row of the mapping is unit-tested. */
export function outcomeOf(result: HttpResult, nowMs: number, sent: TrackTimeBody): TrackTimeOutcome {
  if (result.kind === 'failure') {
    return result.failure.kind === 'not-sent'
      ? { kind: 'not-applied', retryAfterMs: null, detail: result.failure.detail }
      : { kind: 'unknown', detail: result.failure.detail };
  }
  const { status, headers, body } = result;
  const message = errorMessage(status, body);
  if (status >= 200 && status < 300) {
    if (isEcho(body, sent)) return { kind: 'applied' };
    return {
      kind: 'unknown',
      detail: `Kenjo answered ${status} with ${describeBody(body)}, not the echo of the punch sent`,
      unexpected: true,
    };
  }
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
  const sentence = configurationSentence(TRACK_TIME_PATH, status, body);
  if (sentence !== null) return { kind: 'not-applied', retryAfterMs: null, detail: sentence };
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
  const body: TrackTimeBody = { [field]: value, dateTime };
  // The 2024 schema has no isOvernightShift; only the current page adds it. Sent only when it changes something.
  if (isOvernightShift) body['isOvernightShift'] = true;
  let outcome: TrackTimeOutcome;
  try {
    const result = await session.send({ method: 'POST', path: TRACK_TIME_PATH, body });
    outcome = outcomeOf(result, now(), body);
    if (outcome.kind === 'not-applied' && outcome.retryAfterMs === null && result.kind === 'response') {
      // Our configuration is wrong: every call will meet it, so all calls wait (growing) until someone fixes it.
      if (configurationSentence(TRACK_TIME_PATH, result.status, result.body) !== null) {
        outcome = { ...outcome, retryAfterMs: health.misconfigured(TRACK_TIME_PATH, outcome.detail) };
      }
    }
  } catch (err) {
    // Only the login can throw here, and then track-time was never sent: our credentials, not the punch.
    const detail = err instanceof KenjoUnavailableError ? err.message : String(err);
    const retryAfterMs = err instanceof KenjoAuthError ? Math.max(0, err.retryAtMs - now()) : null;
    outcome = { kind: 'not-applied', retryAfterMs, detail };
  }
  if (outcome.kind === 'unknown' && outcome.unexpected === true) health.unexpectedAnswer(outcome.detail);
  if (outcome.kind === 'applied' || outcome.kind === 'rejected') health.succeeded(TRACK_TIME_PATH);
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
