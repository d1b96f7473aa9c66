import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, createHarness, errorOf } from '../testing/routes-harness';

function builtFrontEnd(): string {
  const dist = mkdtempSync(join(tmpdir(), 'kiosk-dist-'));
  mkdirSync(join(dist, 'admin'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<h1>kiosk</h1>');
  writeFileSync(join(dist, 'admin', 'index.html'), '<h1>admin</h1>');
  writeFileSync(join(dist, 'assets', 'kiosk-1.js'), 'export {};\n//# sourceMappingURL=kiosk-1.js.map');
  writeFileSync(join(dist, 'assets', 'kiosk-1.js.map'), '{"sources":["../src/secret-comments.ts"]}');
  writeFileSync(join(dist, 'sw.js.map'), '{}');
  return dist;
}

let h: Harness;
afterEach(() => h.close());

describe('security headers', () => {
  it.each(['/', '/admin/', '/api/v1/health', '/api/v1/nothing'])(
    '%s carries a CSP that forbids framing, nosniff, a referrer policy, and no HSTS over http',
    async (url) => {
      h = await createHarness({}, builtFrontEnd());
      const res = await h.app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    },
  );

  it('sends HSTS when a trusted TLS proxy forwarded an https request, not when anyone claims it', async () => {
    h = await createHarness({ TRUST_PROXY: true });
    const trusted = await h.app.inject({ url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(trusted.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
    await h.close();
    h = await createHarness();
    const claimed = await h.app.inject({ url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(claimed.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('source maps', () => {
  it.each(['/assets/kiosk-1.js.map', '/sw.js.map'])('%s is not served', async (url) => {
    h = await createHarness({}, builtFrontEnd());
    const res = await h.app.inject({ url });
    expect(errorOf(res)).toEqual({ status: 404, code: 'not-found' });
    expect(res.body).not.toContain('secret-comments');
  });

  it('the scripts themselves still are', async () => {
    h = await createHarness({}, builtFrontEnd());
    expect((await h.app.inject({ url: '/assets/kiosk-1.js' })).statusCode).toBe(200);
  });
});
