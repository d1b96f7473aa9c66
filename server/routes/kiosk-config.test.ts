import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, T0, bearer, createHarness, createKiosk, errorOf } from '../testing/routes-harness';

let h: Harness;
let kiosk: { id: string; token: string };
beforeEach(async () => {
  h = await createHarness({ DOUBLE_SCAN_WINDOW_S: 45, MAX_SHIFT_HOURS: 12 });
  kiosk = await createKiosk(h, { name: 'Front door', timeZone: 'Europe/Vienna' });
});
afterEach(() => h.close());

const status = (payload: unknown, token = kiosk.token) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/kiosk/status',
    headers: bearer(token),
    payload: payload as object,
  });

const report = {
  pendingCount: 3,
  storagePersisted: true,
  appVersion: '1.2.0',
  lastSyncAt: '2026-02-04T07:59:00+01:00',
};

describe('GET /api/v1/kiosk/config', () => {
  it("gives the kiosk its settings (double-scan window, longest shift), demo mode and the server's time", async () => {
    const res = await h.app.inject({ url: '/api/v1/kiosk/config', headers: bearer(kiosk.token) });
    expect(res.json()).toEqual({
      kioskId: kiosk.id,
      name: 'Front door',
      timeZone: 'Europe/Vienna',
      demoMode: true,
      doubleScanWindowS: 45,
      maxShiftHours: 12,
      serverTime: new Date(T0).toISOString(),
      settingsLock: null,
    });
  });

  it('says when it is not demo mode', async () => {
    await h.close();
    h = await createHarness({ demoMode: false });
    kiosk = await createKiosk(h);
    const res = await h.app.inject({ url: '/api/v1/kiosk/config', headers: bearer(kiosk.token) });
    expect(res.json()).toMatchObject({ demoMode: false });
  });

  it('needs a kiosk token', async () => {
    expect(errorOf(await h.app.inject({ url: '/api/v1/kiosk/config' }))).toEqual({
      status: 401,
      code: 'missing-token',
    });
  });
});

describe('POST /api/v1/kiosk/status', () => {
  it('stores what the kiosk reports and answers 204', async () => {
    const res = await status(report);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(h.ledger.getKiosk(kiosk.id)).toMatchObject({
      pendingOnDevice: 3,
      storagePersisted: true,
      appVersion: '1.2.0',
      lastSyncAtMs: Date.parse('2026-02-04T06:59:00Z'),
      lastSeenAtMs: T0,
    });
  });

  it('accepts unknown persistence and no sync yet', async () => {
    expect((await status({ ...report, storagePersisted: null, lastSyncAt: null })).statusCode).toBe(204);
  });

  it.each([
    ['a negative count', { ...report, pendingCount: -1 }],
    ['a string count', { ...report, pendingCount: '3' }],
    ['a bad lastSyncAt', { ...report, lastSyncAt: 'yesterday' }],
    ['a missing field', { pendingCount: 1, storagePersisted: true, appVersion: '1' }],
    ['an unknown field', { ...report, battery: 80 }],
  ])('refuses %s with 400', async (_what, payload) => {
    expect(errorOf(await status(payload))).toEqual({ status: 400, code: 'invalid-body' });
  });

  it('refuses a foreign token', async () => {
    expect(errorOf(await status(report, 'not-a-kiosk-token'))).toEqual({
      status: 401,
      code: 'invalid-token',
    });
  });
});
