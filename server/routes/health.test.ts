import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, T0, createHarness, createKiosk, postPunches, punch } from '../testing/routes-harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe('GET /api/v1/health', () => {
  it('answers ok without a token, with demo mode, an empty backlog and Kenjo not yet reached', async () => {
    const res = await h.app.inject({ url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      demoMode: true,
      backlog: { waiting: 0, failed: 0, oldestAgeS: null },
      kenjo: { reachable: false },
    });
  });

  it("never tells Kenjo's error text to a caller without a token", async () => {
    Object.assign(h.kenjoStats, {
      lastSuccessAtMs: null,
      lastErrorAtMs: T0,
      lastError:
        'HTTP 401 from https://tenant-acme.kenjo.io: API key ak_live_123 revoked by jane@acme.example',
    });
    const res = await h.app.inject({ url: '/api/v1/health' });
    expect(res.body).not.toMatch(/acme|ak_live|401/);
    expect(res.json()).toMatchObject({ kenjo: { reachable: false } });
  });

  it.each([
    [T0 - 5000, null, true],
    [T0 - 5000, T0, false],
    [T0, T0 - 5000, true],
  ])(
    'calls Kenjo reachable after a success at %i and a failure at %o: %s',
    async (successMs, errorMs, reachable) => {
      Object.assign(h.kenjoStats, {
        lastSuccessAtMs: successMs,
        lastErrorAtMs: errorMs,
        lastError: errorMs && 'timeout',
      });
      const res = await h.app.inject({ url: '/api/v1/health' });
      expect(res.json()).toMatchObject({ kenjo: { reachable } });
    },
  );

  it('reports the waiting punches and the age of the oldest', async () => {
    const { token } = await createKiosk(h);
    await postPunches(h, token, [punch(), punch({ employee: { externalId: 'B-1002' } })]);
    h.clock.nowMs = T0 + 90_000;
    const res = await h.app.inject({ url: '/api/v1/health' });
    expect(res.json()).toMatchObject({ backlog: { waiting: 2, oldestAgeS: 90 } });
  });
});
