import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestConsole, type TestConsole } from '../testing/admin-support';

describe('GET /api/v1/admin/console', () => {
  let t: TestConsole;
  afterEach(async () => {
    await t.app.close();
    t.ledger.close();
  });

  it.each([
    ['PUBLIC_URL when set', 'https://kiosk.example.com', 'https://kiosk.example.com'],
    ['null when unset', undefined, null],
  ])('answers %s', async (_name, publicUrl, expected) => {
    const zone = { TIME_ZONE: 'Europe/Madrid' };
    t = await buildTestConsole({
      config: publicUrl === undefined ? zone : { ...zone, PUBLIC_URL: publicUrl },
    });
    const response = await t.app.inject({
      url: '/api/v1/admin/console',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ publicUrl: expected, timeZone: 'Europe/Madrid' });
  });

  it('is for operators only', async () => {
    t = await buildTestConsole({ config: { PUBLIC_URL: 'https://kiosk.example.com' } });
    expect((await t.app.inject({ url: '/api/v1/admin/console' })).statusCode).toBe(401);
  });
});
