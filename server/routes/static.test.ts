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
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'assets', 'index-3f9a.js'), 'export {};');
  writeFileSync(join(dist, 'sw.js'), 'self;');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{}');
  writeFileSync(join(dist, 'icon.svg'), '<svg/>');
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

  // A kiosk that cached an old service worker or manifest would keep an old version for days; assets carry a hash.
  it.each([
    ['/sw.js', 'no-cache'],
    ['/manifest.webmanifest', 'no-cache'],
    ['/assets/index-3f9a.js', 'public, max-age=31536000, immutable'],
    ['/icon.svg', 'public, max-age=0'],
  ])('%s is served with Cache-Control %s', async (url, cacheControl) => {
    const res = await h.app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(cacheControl);
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
