import { describe, expect, it } from 'vitest';
import type { HttpResult } from './http';
import { outcomeOf } from './track-time';

const NOW_MS = Date.parse('2026-02-04T06:00:00Z');
const SENT = { externalId: 'B-1001', dateTime: '2026-02-04T07:00:00' };

function response(status: number, body: unknown = null, headers: Record<string, string> = {}): HttpResult {
  return { kind: 'response', status, headers: new Headers(headers), body };
}

describe('outcomeOf', () => {
  it.each([200, 201])("%i with Kenjo's echo of the punch is applied", (status) => {
    expect(outcomeOf(response(status, { ...SENT }), NOW_MS, SENT)).toEqual({ kind: 'applied' });
    const echo = { ...SENT, dateTime: `${SENT.dateTime}.000Z`, extra: 1 };
    expect(outcomeOf(response(status, echo), NOW_MS, SENT)).toEqual({ kind: 'applied' });
    const byEmail = { email: 'Ana.Schmidt@Demo.example', dateTime: SENT.dateTime };
    const echoedLower = { ...byEmail, email: 'ana.schmidt@demo.example' };
    expect(outcomeOf(response(status, echoedLower), NOW_MS, byEmail)).toEqual({ kind: 'applied' });
  });

  it.each([
    ['a web page', 200, '<html><body>Sign in to the network</body></html>'],
    ['no body', 204, null],
    ['another dateTime', 201, { ...SENT, dateTime: '2026-02-04T07:00:01' }],
    ['the same wall time with an offset', 201, { ...SENT, dateTime: `${SENT.dateTime}+02:00` }],
    ['the same wall time and a fraction', 201, { ...SENT, dateTime: `${SENT.dateTime}.500Z` }],
    ['another employee', 201, { ...SENT, externalId: 'B-1002' }],
    ['another identifier field', 201, { userId: 'B-1001', dateTime: SENT.dateTime }],
    ['a list', 200, [SENT]],
  ])('a 2xx with %s is unknown and unexpected, never applied', (_label, status, body) => {
    expect(outcomeOf(response(status, body), NOW_MS, SENT)).toMatchObject({
      kind: 'unknown',
      unexpected: true,
    });
  });

  it.each([
    [400, { code: 400, message: 'Employee not found' }, 'Employee not found'],
    [409, 'conflict as text', 'conflict as text'],
    [422, null, 'HTTP 422'],
  ])("%i is rejected with Kenjo's message", (status, body, message) => {
    expect(outcomeOf(response(status, body), NOW_MS, SENT)).toEqual({ kind: 'rejected', status, message });
  });

  it.each([
    ['7', 7_000],
    ['Wed, 04 Feb 2026 06:00:10 GMT', 10_000],
    [undefined, null],
  ])('429 with Retry-After %j is not-applied, waiting %j ms', (retryAfter, retryAfterMs) => {
    const headers: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': retryAfter };
    expect(outcomeOf(response(429, null, headers), NOW_MS, SENT)).toMatchObject({
      kind: 'not-applied',
      retryAfterMs,
    });
  });

  it.each([401, 403, 404, 405, 301, 307])('%i (our credentials or URL) is not-applied', (status) => {
    expect(outcomeOf(response(status), NOW_MS, SENT)).toMatchObject({
      kind: 'not-applied',
      retryAfterMs: null,
    });
  });

  it.each([500, 502, 503, 504, 408, 101])('%i is unknown', (status) => {
    expect(outcomeOf(response(status, { message: 'Bad Gateway' }), NOW_MS, SENT).kind).toBe('unknown');
  });

  it.each([
    ['not-sent', 'not-applied'],
    ['maybe-sent', 'unknown'],
  ] as const)('a %s failure is %s', (failureKind, outcomeKind) => {
    const result: HttpResult = { kind: 'failure', failure: { kind: failureKind, detail: 'x' } };
    expect(outcomeOf(result, NOW_MS, SENT)).toMatchObject({ kind: outcomeKind, detail: 'x' });
  });
});
