import { describe, expect, it } from 'vitest';
import { demoEmployee, harness } from '../testing/simulator-support';

const ANA = demoEmployee(0);

describe('GET /attendances range', () => {
  it.each([
    { query: 'from=2026-01-01&to=2026-01-01', status: 200 },
    { query: 'from=2026-01-01&to=2026-02-01', status: 200 },
    { query: 'from=2026-01-01&to=2026-02-02', status: 400 },
    { query: 'from=2026-02-01&to=2026-03-04', status: 200 },
    { query: 'from=2026-02-01&to=2026-03-05', status: 400 },
    { query: 'from=2026-02-02&to=2026-02-01', status: 400 },
    { query: 'from=2026-01-01', status: 400 },
    { query: 'to=2026-01-01', status: 400 },
    { query: '', status: 400 },
    { query: 'from=2026-02-30&to=2026-03-01', status: 400 },
    { query: 'from=2026-1-1&to=2026-01-02', status: 400 },
  ])('$query → $status', async ({ query, status }) => {
    const h = await harness();
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/attendances?${query}`,
      headers: { authorization: h.token },
    });
    expect(res.statusCode).toBe(status);
    if (status === 400) expect(res.json()).toEqual({ code: 400, message: expect.any(String) });
    else expect(res.json()).toEqual([]);
  });

  it('returns a bare array of entries dated in the range, to inclusive, in Kenjo’s published shape', async () => {
    const h = await harness();
    for (const dateTime of [
      '2026-01-31T23:00:00',
      '2026-02-01T08:00:00',
      '2026-02-02T09:00:00',
      '2026-02-02T17:30:15',
      '2026-02-03T10:00:00',
    ]) {
      await h.trackTime({ externalId: ANA.externalId, dateTime });
    }
    const { status, body } = await h.listAttendances('from=2026-02-01&to=2026-02-02');
    expect(status).toBe(200);
    // No `date`, no `isOvernightShift`, and an open entry has no `endTime` at all.
    expect(body).toStrictEqual([
      {
        _id: expect.stringMatching(/^[0-9a-f]{24}$/),
        userId: ANA._id,
        email: ANA.email,
        externalId: ANA.externalId,
        startTime: '2026-02-01T08:00:00.000Z',
      },
      {
        _id: expect.stringMatching(/^[0-9a-f]{24}$/),
        userId: ANA._id,
        email: ANA.email,
        externalId: ANA.externalId,
        startTime: '2026-02-02T09:00:00.000Z',
        endTime: '2026-02-02T17:30:15.000Z',
      },
    ]);
  });

  it('GET /attendances/:id answers the entry, or 404', async () => {
    const h = await harness();
    await h.trackTime({ externalId: ANA.externalId, dateTime: '2026-02-01T08:00:00' });
    const [row] = await h.attendances('2026-02-01');
    const get = (id: string) =>
      h.app.inject({ method: 'GET', url: `/api/v1/attendances/${id}`, headers: { authorization: h.token } });
    expect((await get(row?._id ?? '')).json()).toStrictEqual({
      _id: row?._id,
      userId: ANA._id,
      email: ANA.email,
      externalId: ANA.externalId,
      startTime: '2026-02-01T08:00:00.000Z',
    });
    const missing = await get('0'.repeat(24));
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ code: 404, message: 'Attendance not found' });
  });
});

describe('manual entries', () => {
  const entry = (over: Record<string, unknown> = {}) => ({
    userId: ANA._id,
    date: '2026-02-03',
    startTime: '08:00:00',
    endTime: '12:00:00',
    ...over,
  });

  async function withExisting(existing: Record<string, unknown>[]) {
    const h = await harness();
    const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
      h.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { authorization: h.token },
        ...(payload ? { payload } : {}),
      });
    for (const e of existing) expect((await send('POST', '/attendances', e)).statusCode).toBe(201);
    return { h, send };
  }

  it.each([
    { name: 'a closed entry', body: entry(), status: 201, message: null },
    { name: 'an open entry', body: entry({ endTime: undefined }), status: 201, message: null },
    {
      name: 'hh:mm times',
      body: entry({ startTime: '08:00', endTime: '09:30' }),
      status: 201,
      message: null,
    },
    {
      name: 'an overnight entry ending 18:00',
      body: entry({ startTime: '22:00', endTime: '18:00', isOvernightShift: true }),
      status: 201,
      message: null,
    },
    {
      name: 'end before start without the flag',
      body: entry({ startTime: '22:00', endTime: '06:00' }),
      status: 400,
      message: /^When isOvernightShift is not set, endTime must be after startTime\./,
    },
    {
      name: 'end equal to start without the flag',
      body: entry({ endTime: '08:00:00' }),
      status: 400,
      message: /^When isOvernightShift is not set/,
    },
    {
      name: 'an overnight end after 18:00',
      body: entry({ startTime: '22:00', endTime: '18:01', isOvernightShift: true }),
      status: 400,
      message: /^For overnight shifts, end time cannot be later than 18:00\.$/,
    },
    {
      name: 'an unknown employee',
      body: entry({ userId: 'f'.repeat(24) }),
      status: 400,
      message: /^Employee not found$/,
    },
    { name: 'no date', body: entry({ date: undefined }), status: 400, message: /required/ },
    { name: '30 February', body: entry({ date: '2026-02-30' }), status: 400, message: /date/ },
    { name: 'a start at 25:00', body: entry({ startTime: '25:00' }), status: 400, message: /startTime/ },
  ])('POST $name → $status', async ({ body, status, message }) => {
    const { send } = await withExisting([]);
    const res = await send('POST', '/attendances', body);
    expect(res.statusCode).toBe(status);
    if (message) expect(res.json()).toEqual({ code: 400, message: expect.stringMatching(message) });
  });

  it.each([
    { name: 'overlapping the middle', body: entry({ startTime: '10:00', endTime: '13:00' }), status: 400 },
    { name: 'inside another', body: entry({ startTime: '09:00', endTime: '10:00' }), status: 400 },
    { name: 'touching its end', body: entry({ startTime: '12:00', endTime: '13:00' }), status: 201 },
    { name: 'touching its start', body: entry({ startTime: '07:00', endTime: '08:00' }), status: 201 },
    { name: 'on another day', body: entry({ date: '2026-02-04' }), status: 201 },
    { name: 'of another employee', body: entry({ userId: demoEmployee(1)._id }), status: 201 },
  ])('same-day overlap: $name → $status', async ({ body, status }) => {
    const { send } = await withExisting([entry()]);
    const res = await send('POST', '/attendances', body);
    expect(res.statusCode).toBe(status);
    if (status === 400) expect(res.json().message).toMatch(/overlaps/);
  });

  it('nothing may start after an open entry of the same day', async () => {
    const { send } = await withExisting([entry({ startTime: '08:00', endTime: undefined })]);
    expect(
      (await send('POST', '/attendances', entry({ startTime: '13:00', endTime: '14:00' }))).statusCode,
    ).toBe(400);
    expect(
      (await send('POST', '/attendances', entry({ startTime: '06:00', endTime: '07:00' }))).statusCode,
    ).toBe(201);
  });

  it('PUT changes only the fields sent, checks the rules, ignores the entry itself for overlap', async () => {
    const { h, send } = await withExisting([entry(), entry({ startTime: '13:00', endTime: '17:00' })]);
    const [first] = await h.attendances('2026-02-03');
    const id = first?._id ?? '';
    const ok = await send('PUT', `/attendances/${id}`, { endTime: '12:30' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      _id: id,
      startTime: '2026-02-03T08:00:00.000Z',
      endTime: '2026-02-03T12:30:00.000Z',
    });
    expect((await send('PUT', `/attendances/${id}`, { endTime: '13:30' })).json().message).toMatch(
      /overlaps/,
    );
    expect((await send('PUT', `/attendances/${id}`, { endTime: '07:00' })).statusCode).toBe(400);
    expect((await send('PUT', `/attendances/${'0'.repeat(24)}`, { endTime: '09:00' })).statusCode).toBe(404);
  });

  it('DELETE answers 204, then 404', async () => {
    const { h, send } = await withExisting([entry()]);
    const [first] = await h.attendances('2026-02-03');
    expect((await send('DELETE', `/attendances/${first?._id ?? ''}`)).statusCode).toBe(204);
    expect(await h.attendances('2026-02-03')).toEqual([]);
    expect((await send('DELETE', `/attendances/${first?._id ?? ''}`)).statusCode).toBe(404);
  });

  it('a manual overnight entry is frozen for later track-time punches, and is not logged', async () => {
    const { h, send } = await withExisting([
      entry({ startTime: '22:00', endTime: '06:00', isOvernightShift: true }),
    ]);
    await send('POST', '/attendances', entry({ startTime: '08:00', endTime: '09:00' }));
    await h.trackTime({ externalId: ANA.externalId, dateTime: '2026-02-03T07:00:00' });
    const rows = await h.attendances('2026-02-03');
    expect(rows.map((r) => [r.startTime.slice(11, 16), r.endTime?.slice(0, 16) ?? null])).toEqual([
      ['07:00', '2026-02-03T08:00'],
      ['09:00', null],
      ['22:00', '2026-02-04T06:00'],
    ]);
    expect(h.sim.log()).toHaveLength(1);
  });
});
