import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Harness,
  adminHeaders,
  bearer,
  createHarness,
  createKiosk,
  errorOf,
} from '../testing/routes-harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const post = (url: string, payload?: unknown, headers: Record<string, string> = adminHeaders) =>
  h.app.inject({
    method: 'POST',
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

describe('POST /api/v1/admin/kiosks', () => {
  it('answers 201 with exactly id, token and pairing code; the token authorises the kiosk', async () => {
    const res = await post('/api/v1/admin/kiosks', { name: 'Front door', timeZone: 'Europe/Lisbon' });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ id: string; token: string; pairingCode: string }>();
    expect(Object.keys(body).sort()).toEqual(['id', 'pairingCode', 'token']);
    expect(body.pairingCode).toMatch(/^[A-Z2-9]{8}$/);
    const config = await h.app.inject({ url: '/api/v1/kiosk/config', headers: bearer(body.token) });
    expect(config.json()).toMatchObject({ kioskId: body.id, name: 'Front door', timeZone: 'Europe/Lisbon' });
    expect(h.ledger.listAudit(10)[0]).toMatchObject({
      action: 'kiosk.create',
      target: body.id,
      actor: 'admin-token',
    });
  });

  it('gives a new kiosk the default TIME_ZONE', async () => {
    const { id } = await createKiosk(h, { name: 'Back door' });
    expect(h.ledger.getKiosk(id)?.timeZone).toBe('Europe/Berlin');
  });

  it.each([
    ['no body', undefined, 'invalid-body'],
    ['no name', { timeZone: 'Europe/Berlin' }, 'invalid-body'],
    ['an empty name', { name: '  ' }, 'invalid-body'],
    ['a number as name', { name: 42 }, 'invalid-body'],
    ['an unknown zone', { name: 'A', timeZone: 'Mars/Base' }, 'invalid-body'],
    ['an unknown field', { name: 'A', colour: 'red' }, 'invalid-body'],
    ['an array', ['A'], 'invalid-body'],
  ])('refuses %s with 400', async (_what, payload, code) => {
    expect(errorOf(await post('/api/v1/admin/kiosks', payload))).toEqual({ status: 400, code });
  });

  it.each([
    ['no token', {}],
    ['a wrong token', bearer('wrong-admin-token-0123456789')],
  ])('refuses %s with 401', async (_what, headers) => {
    expect(errorOf(await post('/api/v1/admin/kiosks', { name: 'A' }, headers))).toEqual({
      status: 401,
      code: 'unauthorized',
    });
  });

  it('refuses a kiosk token on the admin API', async () => {
    const { token } = await createKiosk(h);
    expect(errorOf(await post('/api/v1/admin/kiosks', { name: 'A' }, bearer(token))).status).toBe(401);
  });
});

describe('managing kiosks', () => {
  it('lists kiosks with their state', async () => {
    const { id } = await createKiosk(h);
    const res = await h.app.inject({ url: '/api/v1/admin/kiosks', headers: adminHeaders });
    expect(res.json()).toEqual({
      kiosks: [
        expect.objectContaining({
          id,
          name: 'Front door',
          status: 'active',
          createdAt: '2026-02-04T07:00:00.000Z',
        }),
      ],
    });
  });

  it('renames a kiosk and changes its zone', async () => {
    const { id } = await createKiosk(h);
    const res = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/kiosks/${id}`,
      headers: adminHeaders,
      payload: { name: 'Side door', timeZone: 'America/New_York' },
    });
    expect(res.json()).toMatchObject({ id, name: 'Side door', timeZone: 'America/New_York' });
  });

  it.each([
    [{}, 400],
    [{ id: 'x' }, 400],
    [{ timeZone: 'UTC+1' }, 400],
  ])('refuses the patch %o', async (payload, status) => {
    const { id } = await createKiosk(h);
    const res = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/kiosks/${id}`,
      headers: adminHeaders,
      payload,
    });
    expect(errorOf(res)).toEqual({ status, code: 'invalid-body' });
  });

  it.each([
    ['PATCH', '/api/v1/admin/kiosks/nope', { name: 'A' }],
    ['POST', '/api/v1/admin/kiosks/nope/revoke', undefined],
    ['POST', '/api/v1/admin/kiosks/nope/pairing-code', undefined],
  ] as const)('%s %s answers 404 for an unknown kiosk', async (method, url, payload) => {
    const res = await h.app.inject({ method, url, headers: adminHeaders, ...(payload ? { payload } : {}) });
    expect(errorOf(res)).toEqual({ status: 404, code: 'kiosk-not-found' });
  });

  it('revokes a kiosk: its token fails at once, and it gets no new pairing code', async () => {
    const { id, token } = await createKiosk(h);
    const res = await post(`/api/v1/admin/kiosks/${id}/revoke`);
    expect(res.json()).toMatchObject({ id, status: 'revoked', revokedAt: '2026-02-04T07:00:00.000Z' });
    const config = await h.app.inject({ url: '/api/v1/kiosk/config', headers: bearer(token) });
    expect(errorOf(config)).toEqual({ status: 401, code: 'invalid-token' });
    expect(errorOf(await post(`/api/v1/admin/kiosks/${id}/pairing-code`))).toEqual({
      status: 409,
      code: 'kiosk-revoked',
    });
    expect((await post(`/api/v1/admin/kiosks/${id}/revoke`)).statusCode).toBe(200);
  });

  it('issues a fresh pairing code, valid ten minutes', async () => {
    const { id, pairingCode } = await createKiosk(h);
    // An admin console sends JSON headers even on body-less POSTs; that is not a bad request.
    const res = await post(`/api/v1/admin/kiosks/${id}/pairing-code`, undefined, {
      ...adminHeaders,
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ pairingCode: string; expiresAt: string }>();
    expect(body.pairingCode).not.toBe(pairingCode);
    expect(body.expiresAt).toBe('2026-02-04T07:10:00.000Z');
  });
});
