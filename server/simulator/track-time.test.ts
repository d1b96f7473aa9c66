import { describe, expect, it } from 'vitest';
import { INACTIVE_DEMO_BADGE } from './employees';
import { demoEmployee, harness, spans, type Harness } from '../testing/simulator-support';

const ANA = demoEmployee(0);
const BEN = demoEmployee(1);
const punch = (dateTime: string, extra: Record<string, unknown> = {}) => ({
  externalId: ANA.externalId,
  dateTime,
  ...extra,
});

async function punchAll(h: Harness, punches: readonly (string | [string, boolean])[]): Promise<void> {
  for (const p of punches) {
    const [dateTime, isOvernightShift] = typeof p === 'string' ? [p, undefined] : p;
    const body = punch(dateTime, isOvernightShift === undefined ? {} : { isOvernightShift });
    expect((await h.trackTime(body)).status).toBe(201);
  }
}

describe('ordinary punches pair the day in time order', () => {
  it.each([
    {
      name: 'T1 08:00, T2 09:00, T3 10:00',
      times: ['08:00', '09:00', '10:00'],
      expected: ['08:00–09:00', '10:00–open'],
    },
    {
      name: 'T4 12:00 closes the second pair',
      times: ['08:00', '09:00', '10:00', '12:00'],
      expected: ['08:00–09:00', '10:00–12:00'],
    },
    {
      name: 'a late 07:00 re-pairs the day',
      times: ['08:00', '09:00', '10:00', '07:00'],
      expected: ['07:00–08:00', '09:00–10:00'],
    },
    { name: 'a duplicate is stored twice', times: ['08:00', '08:00'], expected: ['08:00–08:00'] },
    {
      name: 'a duplicate shifts every later pair',
      times: ['08:00', '09:00', '10:00', '12:00', '09:00'],
      expected: ['08:00–09:00', '09:00–10:00', '12:00–open'],
    },
    { name: 'one punch is an open entry', times: ['13:37'], expected: ['13:37–open'] },
  ])('$name', async ({ times, expected }) => {
    const h = await harness();
    await punchAll(
      h,
      times.map((t) => `2021-01-01T${t}:00`),
    );
    expect(spans(await h.attendances('2021-01-01'))).toEqual(expected);
  });

  it('keeps employees and days apart', async () => {
    const h = await harness();
    await punchAll(h, ['2021-01-01T08:00:00', '2021-01-02T09:00:00']);
    await h.trackTime({ email: BEN.email, dateTime: '2021-01-01T10:00:00' });
    const rows = await h.attendances('2021-01-01', '2021-01-02');
    expect(rows.map((r) => [r.userId, r.startTime, r.endTime])).toEqual([
      [ANA._id, '2021-01-01T08:00:00.000Z', null],
      [BEN._id, '2021-01-01T10:00:00.000Z', null],
      [ANA._id, '2021-01-02T09:00:00.000Z', null],
    ]);
  });
});

describe('identifiers', () => {
  it.each([
    {
      name: 'userId wins over email and externalId',
      body: { userId: ANA._id, email: BEN.email, externalId: BEN.externalId },
      who: ANA._id,
    },
    {
      name: 'email wins over externalId',
      body: { email: BEN.email, externalId: ANA.externalId },
      who: BEN._id,
    },
    { name: 'email matches case-insensitively', body: { email: BEN.email.toUpperCase() }, who: BEN._id },
    { name: 'externalId alone', body: { externalId: BEN.externalId }, who: BEN._id },
    {
      name: 'an empty userId counts as absent',
      body: { userId: '', externalId: BEN.externalId },
      who: BEN._id,
    },
  ])('$name', async ({ body, who }) => {
    const h = await harness();
    expect((await h.trackTime({ ...body, dateTime: '2021-01-01T08:00:00' })).status).toBe(201);
    expect(h.sim.log()[0]?.employeeId).toBe(who);
  });
});

describe('rejections (400, nothing stored, nothing logged)', () => {
  it.each([
    { name: 'no dateTime', body: { externalId: ANA.externalId }, message: /dateTime is required/ },
    { name: 'dateTime with an offset', body: punch('2026-02-03T08:00:00Z'), message: /real date and time/ },
    {
      name: 'dateTime with a fraction',
      body: punch('2026-02-03T08:00:00.000'),
      message: /real date and time/,
    },
    { name: 'date only', body: punch('2026-02-03'), message: /real date and time/ },
    { name: '30 February', body: punch('2026-02-30T08:00:00'), message: /real date and time/ },
    {
      name: '29 February of a common year',
      body: punch('2026-02-29T08:00:00'),
      message: /real date and time/,
    },
    { name: 'hour 25', body: punch('2026-02-03T25:00:00'), message: /real date and time/ },
    { name: 'hour 24', body: punch('2026-02-03T24:00:00'), message: /real date and time/ },
    { name: 'minute 60', body: punch('2026-02-03T08:60:00'), message: /real date and time/ },
    {
      name: 'dateTime not a string',
      body: { externalId: ANA.externalId, dateTime: 20260203 },
      message: /dateTime is required/,
    },
    {
      name: 'isOvernightShift not a boolean',
      body: punch('2026-02-03T08:00:00', { isOvernightShift: 'true' }),
      message: /isOvernightShift/,
    },
    {
      name: 'no identifier',
      body: { dateTime: '2026-02-03T08:00:00' },
      message: /One of userId, email or externalId/,
    },
    {
      name: 'unknown badge',
      body: { externalId: 'B-9999', dateTime: '2026-02-03T08:00:00' },
      message: /^Employee not found$/,
    },
    {
      name: 'unknown userId, even with a good badge',
      body: { userId: 'f'.repeat(24), externalId: ANA.externalId, dateTime: '2026-02-03T08:00:00' },
      message: /^Employee not found$/,
    },
    {
      name: 'inactive employee',
      body: { externalId: INACTIVE_DEMO_BADGE, dateTime: '2026-02-03T08:00:00' },
      message: /^Employee not found$/,
    },
  ])('$name', async ({ body, message }) => {
    const h = await harness();
    const res = await h.trackTime(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, message: expect.stringMatching(message) });
    expect(h.sim.state().attendances).toEqual([]);
    expect(h.sim.log()).toEqual([]);
  });
});

describe('success', () => {
  it('answers 201 with the request body echoed and logs the call', async () => {
    const h = await harness({ clock: () => 1_770_000_000_000 });
    const body = { email: BEN.email, dateTime: '2026-02-03T08:00:00', isOvernightShift: false };
    expect(await h.trackTime(body)).toEqual({ status: 201, body });
    expect(h.sim.log()).toEqual([
      {
        seq: 1,
        employeeId: BEN._id,
        dateTime: body.dateTime,
        isOvernightShift: false,
        appliedAs: 'ordinary',
        receivedAtMs: 1_770_000_000_000,
      },
    ]);
    expect(h.sim.counters()).toMatchObject({ trackTimeCalls: 1, applied: 1 });
  });
});

describe('the envelope', () => {
  it.each([
    { name: 'no token', headers: {}, payload: JSON.stringify(punch('2026-02-03T08:00:00')), status: 401 },
    {
      name: 'a body that is not JSON',
      headers: { authorization: 'token' },
      payload: '{"dateTime":',
      status: 400,
    },
  ])('$name → $status {code,message}, nothing stored', async ({ headers, payload, status }) => {
    const h = await harness();
    const authorization = 'authorization' in headers ? { authorization: h.token } : {};
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/attendances/track-time',
      headers: { 'content-type': 'application/json', ...authorization },
      payload,
    });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({ code: status, message: expect.any(String) });
    expect(h.sim.log()).toEqual([]);
  });
});
