import { describe, expect, it } from 'vitest';
import { DEFAULT_FAULTS } from './faults';
import { demoEmployee, harness } from './test-support';

describe('/__simulator controls', () => {
  it('GET faults answers the current faults; PUT merges a partial change', async () => {
    const h = await harness();
    expect((await h.app.inject({ method: 'GET', url: '/__simulator/faults' })).json()).toEqual(
      DEFAULT_FAULTS,
    );
    const put = await h.app.inject({
      method: 'PUT',
      url: '/__simulator/faults',
      payload: { latencyMs: 5, commitThenFailModes: ['drop'] },
    });
    expect(put.json()).toEqual({ ...DEFAULT_FAULTS, latencyMs: 5, commitThenFailModes: ['drop'] });
    expect(h.sim.faults()).toEqual(put.json());
  });

  it.each([{ serverErrorRate: 2 }, { stallMs: 'long' }, { bogus: true }])(
    'PUT faults refuses %j with 400',
    async (payload) => {
      const h = await harness();
      const res = await h.app.inject({ method: 'PUT', url: '/__simulator/faults', payload });
      expect(res.statusCode).toBe(400);
      expect(h.sim.faults()).toEqual(DEFAULT_FAULTS);
    },
  );

  it('GET log and GET state show what track-time applied; POST reset forgets it but keeps faults', async () => {
    const h = await harness();
    await h.trackTime({ externalId: demoEmployee(0).externalId, dateTime: '2026-02-03T08:00:00' });
    h.sim.setFaults({ latencyMs: 1 });
    const log = (await h.app.inject({ method: 'GET', url: '/__simulator/log' })).json();
    expect(log).toEqual([
      expect.objectContaining({ seq: 1, employeeId: demoEmployee(0)._id, appliedAs: 'ordinary' }),
    ]);
    const state = (await h.app.inject({ method: 'GET', url: '/__simulator/state' })).json();
    expect(state.employees).toHaveLength(300);
    expect(state.attendances).toEqual([
      expect.objectContaining({
        userId: demoEmployee(0)._id,
        startTime: '2026-02-03T08:00:00',
        endTime: null,
      }),
    ]);
    expect(state.counters).toMatchObject({ logins: 1, trackTimeCalls: 1, applied: 1 });

    expect((await h.app.inject({ method: 'POST', url: '/__simulator/reset' })).statusCode).toBe(204);
    expect(h.sim.log()).toEqual([]);
    expect(h.sim.state().attendances).toEqual([]);
    expect(h.sim.state().employees).toHaveLength(300);
    expect(h.sim.counters()).toMatchObject({ logins: 0, trackTimeCalls: 0, applied: 0 });
    expect(h.sim.faults().latencyMs).toBe(1);
  });

  it('numbers entries afresh after a reset', async () => {
    const h = await harness();
    const badge = demoEmployee(0).externalId;
    await h.trackTime({ externalId: badge, dateTime: '2026-02-03T08:00:00' });
    const before = h.sim.state().attendances[0]?._id;
    h.sim.reset();
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { apiKey: 'demo-api-key' },
    });
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/attendances/track-time',
      headers: { authorization: login.json<{ token: string }>().token },
      payload: { externalId: badge, dateTime: '2026-02-03T09:00:00' },
    });
    expect(res.statusCode).toBe(201);
    expect(h.sim.state().attendances[0]?._id).toBe(before);
    expect(h.sim.log()[0]?.seq).toBe(1);
  });

  it('unknown paths answer Kenjo’s 404 body', async () => {
    const h = await harness();
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { authorization: h.token },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 404, message: 'Not Found' });
  });
});
