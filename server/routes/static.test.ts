import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, createHarness, errorOf } from '../testing/routes-harness';

let h: Harness;
beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'kiosk-dist-'));
  mkdirSync(join(dist, 'admin'));
  writeFileSync(join(dist, 'index.html'), '<h1>kiosk</h1>');
  writeFileSync(join(dist, 'admin', 'index.html'), '<h1>admin</h1>');
  h = await createHarness({}, dist);
});
afterAll(() => h.close());

describe('the served front ends', () => {
  it.each([
    ['/', 'kiosk'],
    ['/admin/', 'admin'],
    ['/admin/punches', 'admin'],
    ['/admin/kiosks/abc', 'admin'],
  ])('%s serves the %s shell, never cached stale', async (url, shell) => {
    const res = await h.app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain(shell);
  });

  it('sends /admin to /admin/', async () => {
    const res = await h.app.inject({ url: '/admin' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/admin/');
  });

  it.each(['/api/v1/nothing', '/missing.js'])('answers %s with the JSON 404, never HTML', async (url) => {
    const res = await h.app.inject({ url });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(errorOf(res)).toEqual({ status: 404, code: 'not-found' });
  });
});
