import { describe, expect, it, vi } from 'vitest';
import type { KioskStatusReport } from '../api/types';
import { createStatusReporter } from './status-report';

const REPORT: KioskStatusReport = {
  pendingCount: 2,
  storagePersisted: true,
  appVersion: '0.1.0',
  lastSyncAt: null,
};

function reporter(answer: () => Response | Promise<Response>) {
  let nowMs = 0;
  const fetch = vi.fn(async () => answer());
  const report = createStatusReporter({
    fetch,
    token: 'kiosk-token',
    collect: async () => REPORT,
    now: () => nowMs,
    minIntervalMs: 60_000,
  });
  return { fetch, report, advance: (ms: number) => (nowMs += ms) };
}

describe('status reporter', () => {
  it('posts the report with the kiosk token, at most once a minute', async () => {
    const { fetch, report, advance } = reporter(() => new Response(null, { status: 204 }));
    await report();
    await report();
    advance(59_999);
    await report();
    advance(1);
    await report();
    expect(fetch).toHaveBeenCalledTimes(2);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/kiosk/status');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer kiosk-token');
    expect(JSON.parse(String(init.body))).toEqual(REPORT);
  });

  it('tries again at the next chance when a report did not get through', async () => {
    const { fetch, report } = reporter(() => Promise.reject(new TypeError('Failed to fetch')));
    await report();
    await report();
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
