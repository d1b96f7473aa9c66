import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, createHarness } from '../testing/routes-harness';
import { JSON_SCHEMA_REFUSED } from './schema-compilers';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close().catch(() => undefined);
  h = null;
});

describe("the app's JSON-schema compilers", () => {
  it('refuse a route that declares a JSON schema for its body: the server does not start', async () => {
    h = await createHarness();
    h.app.post('/api/v1/with-schema', { schema: { body: { type: 'object' } } }, () => ({}));
    await expect(h.app.ready()).rejects.toThrow(`${JSON_SCHEMA_REFUSED} requests`);
  });

  it('refuse a route that declares a JSON schema for its answer', async () => {
    h = await createHarness();
    h.app.get('/api/v1/with-schema', { schema: { response: { 200: { type: 'object' } } } }, () => ({}));
    await expect(h.app.ready()).rejects.toThrow(`${JSON_SCHEMA_REFUSED} answers`);
  });

  it('leave the routes that validate with zod working: a bad body is the contract 400', async () => {
    h = await createHarness();
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/kiosk/pair', payload: { nope: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'invalid-body' } });
  });
});
