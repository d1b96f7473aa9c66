import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, adminHeaders, createHarness, createKiosk, errorOf } from '../testing/routes-harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const url = (id: string) => `/api/v1/admin/kiosks/${id}/opening-hours`;
const put = (id: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'PUT', url: url(id), headers: adminHeaders, payload });
const hours = { days: [1, 2, 3, 4, 5], from: '07:00', to: '18:30' };

describe('kiosk opening hours', () => {
  it('are none until set, are kept, audited, and cleared with null', async () => {
    const { id } = await createKiosk(h);
    const read = async () => (await h.app.inject({ url: url(id), headers: adminHeaders })).json();
    expect(await read()).toEqual({ openingHours: null });
    expect((await put(id, { openingHours: hours })).json()).toEqual({ openingHours: hours });
    expect(await read()).toEqual({ openingHours: hours });
    expect(h.ledger.listAudit(10)[0]).toMatchObject({ action: 'kiosk.opening-hours', target: id });
    await put(id, { openingHours: null });
    expect(await read()).toEqual({ openingHours: null });
  });

  it.each([
    ['to before from', { ...hours, from: '19:00' }],
    ['a day out of range', { ...hours, days: [0] }],
    ['a repeated day', { ...hours, days: [1, 1] }],
    ['no day', { ...hours, days: [] }],
    ['a time that is not hh:mm', { ...hours, to: '7pm' }],
    ['an unknown field', { ...hours, note: 'x' }],
  ])('refuses %s and keeps what was stored', async (_label, openingHours) => {
    const { id } = await createKiosk(h);
    await put(id, { openingHours: hours });
    expect(errorOf(await put(id, { openingHours }))).toEqual({ status: 400, code: 'invalid-body' });
    expect((await h.app.inject({ url: url(id), headers: adminHeaders })).json()).toEqual({
      openingHours: hours,
    });
  });

  it('answers 404 for an unknown kiosk and 401 without the admin token', async () => {
    expect(errorOf(await put('nope', { openingHours: hours }))).toEqual({
      status: 404,
      code: 'kiosk-not-found',
    });
    const res = await h.app.inject({ method: 'PUT', url: url('nope'), payload: { openingHours: hours } });
    expect(res.statusCode).toBe(401);
  });
});
