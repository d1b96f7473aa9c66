import { describe, expect, it } from 'vitest';
import { KenjoUnavailableError } from '../kenjo/errors';
import type { KenjoClient, TrackTimeOutcome } from '../kenjo/types';
import { openDatabase } from '../ledger/open-database';
import { asyncSqliteLedger } from '../ledger/sqlite-async-ledger';
import { instrumentKenjo } from './instrument-kenjo';
import { createProxyMetrics } from './proxy-metrics';
import { kenjoStats } from '../testing/kenjo-stats';

function fakeClient(outcomes: TrackTimeOutcome[]): KenjoClient {
  return {
    trackTime: () => Promise.resolve(outcomes.shift() ?? { kind: 'applied' }),
    listEmployees: () => Promise.resolve([]),
    listAttendances: () => Promise.reject(new KenjoUnavailableError('Kenjo did not answer')),
    stats: () => kenjoStats(),
    close: () => Promise.resolve(),
  };
}

describe('instrumentKenjo', () => {
  it('counts and times every call by outcome, and passes answers and errors through unchanged', async () => {
    const ledger = asyncSqliteLedger(openDatabase(':memory:'));
    const client = fakeClient([{ kind: 'applied' }, { kind: 'unknown', detail: 'timeout' }]);
    const metrics = createProxyMetrics({ ledger, kenjoStats: client.stats, now: Date.now });
    const kenjo = instrumentKenjo(client, metrics);
    const request = {
      employee: { externalId: 'B-1' },
      dateTime: '2026-02-04T08:00:00',
      isOvernightShift: false,
    };

    expect(await kenjo.trackTime(request)).toEqual({ kind: 'applied' });
    expect(await kenjo.trackTime(request)).toEqual({ kind: 'unknown', detail: 'timeout' });
    await expect(kenjo.listAttendances('2026-02-04', '2026-02-04')).rejects.toThrow(KenjoUnavailableError);
    expect(await kenjo.listEmployees()).toEqual([]);

    const text = await metrics.registry.metrics();
    for (const [call, outcome] of [
      ['track-time', 'applied'],
      ['track-time', 'unknown'],
      ['attendances', 'unavailable'],
      ['employees', 'ok'],
    ]) {
      expect(text).toContain(`kiosk_proxy_kenjo_calls_total{call="${call}",outcome="${outcome}"} 1`);
      expect(text).toContain(
        `kiosk_proxy_kenjo_call_duration_seconds_count{call="${call}",outcome="${outcome}"} 1`,
      );
    }
    await ledger.close();
  });
});
