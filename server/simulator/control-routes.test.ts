import { describe, expect, it } from 'vitest';
import { DEFAULT_FAULTS } from './faults';
import { UnknownEmployeeError } from './simulator';
import { demoEmployee, harness, type Harness } from '../testing/simulator-support';

const patchEmployee = (h: Harness, ref: string, payload?: unknown) =>
  h.app.inject({
    method: 'PATCH',
    url: `/__simulator/employees/${encodeURIComponent(ref)}`,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

const listedAsActive = async (h: Harness, id: string) => {
  const res = await h.app.inject({
    method: 'GET',
    url: '/api/v1/employees',
    headers: { authorization: h.token },
  });
  return res.json<{ data: { _id: string; isActive: boolean }[] }>().data.find((e) => e._id === id)?.isActive;
};

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

  it.each([
    { by: '_id', ref: demoEmployee(4)._id },
    { by: 'badge', ref: demoEmployee(4).externalId ?? '' },
    { by: 'email', ref: demoEmployee(4).email },
    { by: 'email in capitals', ref: demoEmployee(4).email.toUpperCase() },
  ])('PATCH employees/:ref by $by makes Kenjo refuse, then take, that employee', async ({ ref }) => {
    const h = await harness();
    const { _id, externalId } = demoEmployee(4);
    const off = await patchEmployee(h, ref, { isActive: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ _id, externalId, isActive: false });
    expect(await listedAsActive(h, _id)).toBe(false);
    for (const identifier of [{ userId: _id }, { externalId }]) {
      expect(await h.trackTime({ ...identifier, dateTime: '2026-02-03T08:00:00' })).toEqual({
        status: 400,
        body: { code: 400, message: 'Employee not found' },
      });
    }
    expect(h.sim.log()).toEqual([]);

    expect((await patchEmployee(h, ref, { isActive: true })).json()).toMatchObject({ _id, isActive: true });
    expect(await listedAsActive(h, _id)).toBe(true);
    expect((await h.trackTime({ userId: _id, dateTime: '2026-02-03T08:00:00' })).status).toBe(201);
    expect(h.sim.log()).toEqual([expect.objectContaining({ employeeId: _id })]);
  });

  it.each([
    { case: 'no body', payload: undefined },
    { case: 'an empty object', payload: {} },
    { case: 'a string flag', payload: { isActive: 'false' } },
    { case: 'an extra field', payload: { isActive: false, email: 'x@y.z' } },
    { case: 'an array', payload: [false] },
  ])('PATCH employees/:ref refuses $case with 400 and changes nothing', async ({ payload }) => {
    const h = await harness();
    const res = await patchEmployee(h, demoEmployee(4)._id, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 400, message: expect.stringContaining('isActive') });
    expect(h.sim.state().employees.every((e) => e.isActive === (e.externalId !== 'B-1300'))).toBe(true);
  });

  it.each(['B-9999', 'nobody@demo.example', '000000000000000000000000'])(
    'PATCH employees/%s answers 404 when no employee matches',
    async (ref) => {
      const h = await harness();
      const res = await patchEmployee(h, ref, { isActive: false });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ code: 404, message: expect.stringContaining(ref) });
      expect(() => h.sim.setEmployeeActive(ref, false)).toThrow(UnknownEmployeeError);
    },
  );

  it('setEmployeeActive survives a reset and leaves the other employees alone', async () => {
    const h = await harness();
    const before = h.sim.state().employees;
    expect(h.sim.setEmployeeActive(demoEmployee(7).email, false)).toMatchObject({ isActive: false });
    h.sim.reset();
    const after = h.sim.state().employees;
    expect(after.filter((e, i) => e.isActive !== before[i]?.isActive)).toEqual([
      expect.objectContaining({ _id: demoEmployee(7)._id, isActive: false }),
    ]);
    expect(demoEmployee(7).isActive).toBe(true);
  });
});
