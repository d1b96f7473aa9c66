import { describe, expect, it } from 'vitest';
import { createRandom, DEFAULT_FAULTS, mergeFaults, rollAfterApply, type Faults } from './faults';
import { demoEmployee, harness } from '../testing/simulator-support';

const punch = { externalId: demoEmployee(0).externalId, dateTime: '2026-02-03T08:00:00' };

describe('faults before applying', () => {
  it.each([
    { name: 'serverErrorRate 1', faults: { serverErrorRate: 1 }, statuses: [500, 503] },
    { name: 'rateLimitRate 1', faults: { rateLimitRate: 1, retryAfterS: 7 }, statuses: [429] },
  ])('$name answers an error and stores nothing', async ({ faults, statuses }) => {
    const h = await harness();
    h.sim.setFaults(faults);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/attendances/track-time',
      headers: { authorization: h.token },
      payload: punch,
    });
    expect(statuses).toContain(res.statusCode);
    expect(res.json()).toEqual({ code: res.statusCode, message: expect.any(String) });
    if (res.statusCode === 429) expect(res.headers['retry-after']).toBe('7');
    expect(h.sim.state().attendances).toEqual([]);
    expect(h.sim.log()).toEqual([]);
    expect(h.sim.counters()).toMatchObject({ trackTimeCalls: 1, applied: 0, failedBeforeApply: 1 });
  });

  it('applies to every Kenjo call, login included, but not to the controls', async () => {
    const h = await harness();
    h.sim.setFaults({ rateLimitRate: 1 });
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { apiKey: 'demo-api-key' },
    });
    expect(login.statusCode).toBe(429);
    expect((await h.app.inject({ method: 'GET', url: '/__simulator/log' })).statusCode).toBe(200);
  });

  it('a rate of one half fails some calls and lets others through, the same way for the same seed', async () => {
    const run = async () => {
      const h = await harness({ seed: 42 });
      h.sim.setFaults({ serverErrorRate: 0.5 });
      const statuses: number[] = [];
      for (let minute = 10; minute < 30; minute++) {
        statuses.push((await h.trackTime({ ...punch, dateTime: `2026-02-03T08:${minute}:00` })).status);
      }
      return { statuses, stored: h.sim.log().length };
    };
    const first = await run();
    expect(first.statuses).toContain(201);
    expect(first.statuses.some((s) => s >= 500)).toBe(true);
    expect(first.stored).toBe(first.statuses.filter((s) => s === 201).length);
    expect(await run()).toEqual(first);
  });
});

describe('commit then 5xx', () => {
  it('stores and logs the punch, then answers 500 or 502', async () => {
    const h = await harness();
    h.sim.setFaults({ commitThenFailRate: 1, commitThenFailModes: ['5xx'] });
    const res = await h.trackTime(punch);
    expect([500, 502]).toContain(res.status);
    expect(h.sim.state().attendances).toHaveLength(1);
    expect(h.sim.log()).toEqual([
      expect.objectContaining({ dateTime: punch.dateTime, appliedAs: 'ordinary' }),
    ]);
    expect(h.sim.counters()).toMatchObject({ applied: 1, failedAfterApply: 1 });
  });

  it('never fails a rejected call after the fact', async () => {
    const h = await harness();
    h.sim.setFaults({ commitThenFailRate: 1, commitThenFailModes: ['5xx'] });
    expect((await h.trackTime({ ...punch, externalId: 'B-9999' })).status).toBe(400);
  });
});

describe('fault settings', () => {
  it.each([
    { patch: { serverErrorRate: 1.5 }, error: /serverErrorRate/ },
    { patch: { latencyMs: -1 }, error: /latencyMs/ },
    { patch: { commitThenFailModes: [] }, error: /commitThenFailModes/ },
    { patch: { commitThenFailModes: ['explode'] }, error: /commitThenFailModes/ },
    { patch: { nonsense: 1 }, error: /nonsense|Unrecognized/ },
  ])('refuses $patch', ({ patch, error }) => {
    expect(() => mergeFaults({ ...DEFAULT_FAULTS }, patch)).toThrow(error);
  });

  it('merges a partial change and keeps the rest', () => {
    const merged = mergeFaults({ ...DEFAULT_FAULTS }, { latencyMs: 20 });
    expect(merged).toEqual({ ...DEFAULT_FAULTS, latencyMs: 20 });
  });

  it('is all off by default', () => {
    expect(DEFAULT_FAULTS).toMatchObject({
      latencyMs: 0,
      serverErrorRate: 0,
      rateLimitRate: 0,
      commitThenFailRate: 0,
    });
  });

  it.each(['5xx', 'drop', 'stall'] as const)('picks only the configured mode %s', (mode) => {
    const faults: Faults = { ...DEFAULT_FAULTS, commitThenFailRate: 1, commitThenFailModes: [mode] };
    const random = createRandom(7);
    const kinds = new Set(Array.from({ length: 20 }, () => rollAfterApply(faults, random).kind));
    expect([...kinds]).toEqual([mode]);
  });

  it('draws nothing from the dice while a rate is zero', () => {
    const random = createRandom(3);
    const reference = createRandom(3);
    rollAfterApply({ ...DEFAULT_FAULTS }, random);
    expect(random()).toBe(reference());
  });
});
