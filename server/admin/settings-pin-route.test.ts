import { describe, expect, it } from 'vitest';
import { pinOpens, type SettingsLock } from '../../core/settings-pin';
import {
  type Harness,
  adminHeaders,
  bearer,
  errorOf,
  type CreatedKiosk,
  withHarness,
} from '../testing/routes-harness';

let h: Harness;
let kiosk: CreatedKiosk;
withHarness((made) => ({ h, kiosk } = made));

const url = '/api/v1/admin/kiosk-settings-pin';
const setPin = (payload: Record<string, unknown>) =>
  h.app.inject({ method: 'PUT', url, headers: adminHeaders, payload });
const lockOnKiosk = async () =>
  (await h.app.inject({ url: '/api/v1/kiosk/config', headers: bearer(kiosk.token) })).json<{
    settingsLock: SettingsLock | null;
  }>().settingsLock;

describe('the kiosks’ settings PIN', () => {
  it('is set from the console, reaches the kiosks as a hash that opens with it alone, and is removed', async () => {
    expect((await h.app.inject({ url, headers: adminHeaders })).json()).toEqual({ set: false });
    expect(await lockOnKiosk()).toBeNull();

    const answer = await setPin({ pin: '86420' });
    expect(answer.json()).toEqual({ set: true });
    const lock = await lockOnKiosk();
    expect(lock).not.toBeNull();
    if (lock === null) return;
    expect(await pinOpens('86420', lock)).toBe(true);
    expect(await pinOpens('86421', lock)).toBe(false);
    expect((await h.app.inject({ url, headers: adminHeaders })).json()).toEqual({ set: true });

    const stored = JSON.stringify([h.ledger.getSetting('kiosk-settings-lock'), h.ledger.listAudit(10)]);
    expect(stored).not.toContain('86420');
    expect(h.ledger.listAudit(10)[0]).toMatchObject({ action: 'kiosk.settings-pin', target: 'kiosks' });

    expect((await h.app.inject({ method: 'DELETE', url, headers: adminHeaders })).json()).toEqual({
      set: false,
    });
    expect(await lockOnKiosk()).toBeNull();
    expect(h.ledger.listAudit(10)[0]).toMatchObject({ action: 'kiosk.settings-pin-removed' });
  });

  it.each([
    ['letters', '12ab'],
    ['too short', '123'],
    ['too long', '1234567890123'],
  ])('refuses a PIN of %s and keeps the one set', async (_label, pin) => {
    await setPin({ pin: '2468' });
    const before = await lockOnKiosk();
    expect(errorOf(await setPin({ pin }))).toEqual({ status: 400, code: 'invalid-pin' });
    expect(await lockOnKiosk()).toEqual(before);
  });

  it('is for operators only', async () => {
    expect((await h.app.inject({ method: 'PUT', url, payload: { pin: '2468' } })).statusCode).toBe(401);
    expect(
      (await h.app.inject({ method: 'PUT', url, headers: bearer(kiosk.token), payload: { pin: '2468' } }))
        .statusCode,
    ).toBe(401);
    expect(await lockOnKiosk()).toBeNull();
  });
});
