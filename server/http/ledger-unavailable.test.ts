import { describe, expect, it } from 'vitest';
import type { AsyncLedger } from '../ledger/async-ledger';
import { LedgerUnavailableError } from '../ledger/ledger-unavailable';
import { isConnectionFailure } from '../ledger/postgres/connection-failure';
import {
  type Harness,
  errorOf,
  postPunches,
  punch,
  type CreatedKiosk,
  withHarness,
} from '../testing/routes-harness';

let h: Harness;
let kiosk: CreatedKiosk;
withHarness((made) => ({ h, kiosk } = made));

/** Makes one ledger method fail as a database out of reach does, until the returned function puts it back. */
function cut<K extends keyof AsyncLedger>(name: K): () => void {
  const ledger = h.services.ledger;
  const original = ledger[name];
  ledger[name] = (() =>
    Promise.reject(new LedgerUnavailableError(new Error('connect ECONNREFUSED')))) as never;
  return () => {
    ledger[name] = original;
  };
}

describe('a ledger out of reach', () => {
  it('answers a batch 503 with Retry-After, keeps nothing of it, and takes the resend', async () => {
    const punches = [punch(), punch({ at: '2026-02-04T07:30:00+01:00' })];
    const restore = cut('insertKioskBatch');
    const refused = await postPunches(h, kiosk.token, punches);
    expect(errorOf(refused)).toEqual({ status: 503, code: 'ledger-unavailable' });
    expect(refused.headers['retry-after']).toBe('5');
    expect(h.ledger.countByStatus().queued).toBe(0);
    restore();
    const taken = await postPunches(h, kiosk.token, punches);
    expect(taken.json<{ results: Array<{ status: string }> }>().results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
    ]);
    expect(h.ledger.countByStatus().queued).toBe(2);
  });

  it('answers 503 before reading the body when the kiosk cannot be looked up, and on health', async () => {
    cut('findKioskByTokenHash');
    expect(errorOf(await postPunches(h, kiosk.token, [punch()]))).toEqual({
      status: 503,
      code: 'ledger-unavailable',
    });
    cut('backlog');
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(503);
  });
});

describe("PostgreSQL's connection failures", () => {
  const withCode = (code: string) => Object.assign(new Error('failed'), { code });
  it.each([
    ['connection refused', withCode('ECONNREFUSED')],
    ['connection exception (class 08)', withCode('08006')],
    ['server shutting down', withCode('57P01')],
    ['server starting up', withCode('57P03')],
    ['connection cut under a query', new Error('Connection terminated unexpectedly')],
    ['no connection in time', new Error('timeout exceeded when trying to connect')],
  ])('%s means the database is out of reach', (_name, error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a syntax error', withCode('42601')],
    ['not an error', 'ECONNREFUSED'],
  ])('%s does not', (_name, error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });
});
