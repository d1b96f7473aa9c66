import { describe, expect, it } from 'vitest';
import { classifyRequestFailure, errorCodes } from './classify-failure';

/** The shape undici's fetch rejects with: `TypeError('fetch failed')` whose cause carries the socket error. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

function withCode(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyRequestFailure', () => {
  it.each([
    ['ECONNREFUSED', 'not-sent'],
    ['ENOTFOUND', 'not-sent'],
    ['EAI_AGAIN', 'not-sent'],
    ['EHOSTUNREACH', 'not-sent'],
    ['UND_ERR_CONNECT_TIMEOUT', 'not-sent'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'not-sent'],
    ['ECONNRESET', 'maybe-sent'],
    ['EPIPE', 'maybe-sent'],
    ['ETIMEDOUT', 'maybe-sent'],
    ['UND_ERR_SOCKET', 'maybe-sent'],
    ['UND_ERR_CLOSED', 'maybe-sent'],
    ['UND_ERR_HEADERS_TIMEOUT', 'maybe-sent'],
    ['UND_ERR_BODY_TIMEOUT', 'maybe-sent'],
    ['SOMETHING_NEW', 'maybe-sent'],
  ])('a cause with code %s is %s', (code, kind) => {
    expect(classifyRequestFailure(fetchFailed(withCode(code)), 1000).kind).toBe(kind);
  });

  it('reads the codes inside an AggregateError (both address families refused)', () => {
    const aggregate = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'refused');
    expect(classifyRequestFailure(fetchFailed(aggregate), 1000)).toEqual({
      kind: 'not-sent',
      detail: 'could not connect (ECONNREFUSED)',
    });
  });

  it('is maybe-sent when one code among refusals is ambiguous', () => {
    const aggregate = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNRESET')], 'mixed');
    expect(classifyRequestFailure(fetchFailed(aggregate), 1000).kind).toBe('maybe-sent');
  });

  it.each([
    ['TimeoutError', 'no complete answer within 250 ms'],
    ['AbortError', 'the request was aborted'],
  ])('a %s is maybe-sent', (name, detail) => {
    expect(classifyRequestFailure(new DOMException('stopped', name), 250)).toEqual({
      kind: 'maybe-sent',
      detail,
    });
  });

  it.each([
    ['a TypeError without a cause', new TypeError('fetch failed')],
    ['a string', 'weird'],
    ['null', null],
  ])('%s is maybe-sent', (_label, err) => {
    expect(classifyRequestFailure(err, 1000).kind).toBe('maybe-sent');
  });
});

describe('errorCodes', () => {
  it('walks causes and aggregates', () => {
    const err = fetchFailed(
      Object.assign(new AggregateError([withCode('A')]), { code: 'B', cause: withCode('C') }),
    );
    expect(errorCodes(err)).toEqual(['B', 'A', 'C']);
  });

  it('stops on a cause cycle', () => {
    const err = withCode('LOOP');
    (err as { cause?: unknown }).cause = err;
    expect(errorCodes(err).length).toBeLessThan(10);
  });
});
