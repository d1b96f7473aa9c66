import { describe, expect, it } from 'vitest';
import type { HttpResult } from './http';
import { outcomeOf } from './track-time';

const NOW_MS = Date.parse('2026-02-04T06:00:00Z');

function response(status: number, body: unknown = null, headers: Record<string, string> = {}): HttpResult {
  return { kind: 'response', status, headers: new Headers(headers), body };
}

describe('outcomeOf', () => {
  it.each([200, 201, 204])('%i is applied', (status) => {
    expect(outcomeOf(response(status), NOW_MS)).toEqual({ kind: 'applied' });
  });

  it.each([
    [400, { code: 400, message: 'Employee not found' }, 'Employee not found'],
    [409, 'conflict as text', 'conflict as text'],
    [422, null, 'HTTP 422'],
  ])("%i is rejected with Kenjo's message", (status, body, message) => {
    expect(outcomeOf(response(status, body), NOW_MS)).toEqual({ kind: 'rejected', status, message });
  });

  it.each([
    ['7', 7_000],
    ['Wed, 04 Feb 2026 06:00:10 GMT', 10_000],
    [undefined, null],
  ])('429 with Retry-After %j is not-applied, waiting %j ms', (retryAfter, retryAfterMs) => {
    const headers: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': retryAfter };
    expect(outcomeOf(response(429, null, headers), NOW_MS)).toMatchObject({
      kind: 'not-applied',
      retryAfterMs,
    });
  });

  it.each([401, 403, 404, 405, 301, 307])('%i (our credentials or URL) is not-applied', (status) => {
    expect(outcomeOf(response(status), NOW_MS)).toMatchObject({ kind: 'not-applied', retryAfterMs: null });
  });

  it.each([500, 502, 503, 504, 408, 101])('%i is unknown', (status) => {
    expect(outcomeOf(response(status, { message: 'Bad Gateway' }), NOW_MS).kind).toBe('unknown');
  });

  it.each([
    ['not-sent', 'not-applied'],
    ['maybe-sent', 'unknown'],
  ] as const)('a %s failure is %s', (failureKind, outcomeKind) => {
    const result: HttpResult = { kind: 'failure', failure: { kind: failureKind, detail: 'x' } };
    expect(outcomeOf(result, NOW_MS)).toMatchObject({ kind: outcomeKind, detail: 'x' });
  });
});
