import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  it('runs in demo mode with defaults when nothing is set', () => {
    const config = parseConfig({ TIME_ZONE: 'Europe/Berlin' });
    expect(config).toMatchObject({ PORT: 8080, HOST: '0.0.0.0', DATA_DIR: './data', demoMode: true });
    expect(config.MAX_SHIFT_HOURS).toBe(16);
    expect(config.DOUBLE_SCAN_WINDOW_S).toBe(60);
    expect(config).toMatchObject({
      REPLAY_CONCURRENCY: 8,
      KENJO_TIMEOUT_MS: 10_000,
      MAX_CLOCK_SKEW_S: 300,
      LOG_LEVEL: 'info',
    });
    expect(config.ADMIN_TOKEN).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('takes a PostgreSQL URL for the shared ledger', () => {
    const url = 'postgresql://ledger:s3cret@127.0.0.1:5432/ledger';
    expect(parseConfig({ TIME_ZONE: 'Europe/Berlin', DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it('leaves demo mode when Kenjo is configured with a key and an admin token', () => {
    const config = parseConfig({
      KENJO_API_URL: 'https://sandbox-api.kenjo.io/api/v1',
      KENJO_API_KEY: 'key',
      ADMIN_TOKEN: 'a-long-enough-admin-token-0123456789',
      REPLAY_CONCURRENCY: '2',
      MAX_CLOCK_SKEW_S: '0',
    });
    expect(config).toMatchObject({ demoMode: false, REPLAY_CONCURRENCY: 2, MAX_CLOCK_SKEW_S: 0 });
  });

  it('takes PUBLIC_URL without its trailing slash', () => {
    expect(parseConfig({ PUBLIC_URL: 'https://kiosk.example.com:8443/' }).PUBLIC_URL).toBe(
      'https://kiosk.example.com:8443',
    );
    expect(parseConfig({}).PUBLIC_URL).toBeUndefined();
  });

  it('reads the security settings', () => {
    expect(parseConfig({})).toMatchObject({ MAX_PUNCH_AGE_DAYS: 14, TRUST_PROXY: false });
    expect(parseConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(parseConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' }).TRUST_PROXY).toBe('10.0.0.5,10.1.0.0/16');
    expect(parseConfig({ ADMIN_TOKEN: '3f9c1b0e7a6d5c4b3a291807f6e5d4c3b2a1' }).ADMIN_TOKEN).toHaveLength(36);
  });

  it('never echoes a secret in its message', () => {
    expect(() => parseConfig({ ADMIN_TOKEN: 'secret-ish' })).toThrow(/got a hidden value/);
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ PORT: '', KENJO_API_URL: '' })).toMatchObject({ PORT: 8080, demoMode: true });
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT must be a whole number from 0 to 65535 \(got "eighty"\)\.$/],
    [{ PORT: '80.5' }, /^PORT must be a whole number/],
    [{ TIME_ZONE: 'Mars/Olympus' }, /^TIME_ZONE /],
    [{ KENJO_API_URL: 'not a url' }, /^KENJO_API_URL /],
    [{ KENJO_API_URL: 'https://sandbox-api.kenjo.io/api/v1' }, /^KENJO_API_KEY /],
    [{ KENJO_API_URL: 'https://sandbox-api.kenjo.io/api/v1', KENJO_API_KEY: 'k' }, /^ADMIN_TOKEN /],
    [{ MAX_SHIFT_HOURS: '-1' }, /^MAX_SHIFT_HOURS /],
    [{ PORT: '70000' }, /^PORT /],
    [{ ADMIN_TOKEN: 'short' }, /^ADMIN_TOKEN /],
    // 16 to 31 characters were accepted before; a repeated pattern is not entropy either.
    [{ ADMIN_TOKEN: 'sixteen-chars-ok' }, /^ADMIN_TOKEN must be at least 32 characters/],
    [{ ADMIN_TOKEN: 'abcdefghij0123456789abcdefghij1' }, /^ADMIN_TOKEN must be at least 32 characters/],
    [{ ADMIN_TOKEN: 'ab'.repeat(20) }, /^ADMIN_TOKEN must be at least 32 characters/],
    [{ MAX_PUNCH_AGE_DAYS: '0' }, /^MAX_PUNCH_AGE_DAYS /],
    [{ TRUST_PROXY: 'maybe' }, /^TRUST_PROXY must be true, false, or a comma-separated list/],
    [{ TLS_CERT_FILE: '/nonexistent/cert.pem' }, /^TLS_CERT_FILE names no file/],
    [{ TLS_KEY_FILE: import.meta.filename }, /^TLS_CERT_FILE and TLS_KEY_FILE must be set together/],
    [{ REPLAY_CONCURRENCY: '0' }, /^REPLAY_CONCURRENCY /],
    [{ KENJO_TIMEOUT_MS: 'soon' }, /^KENJO_TIMEOUT_MS /],
    [{ MAX_CLOCK_SKEW_S: '-5' }, /^MAX_CLOCK_SKEW_S /],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL /],
    [{ PUBLIC_URL: 'kiosk.example.com' }, /^PUBLIC_URL must be an http\(s\) URL/],
    [{ PUBLIC_URL: 'ftp://kiosk.example.com' }, /^PUBLIC_URL /],
    // The password in the URL is never echoed.
    [
      { DATABASE_URL: 'mysql://ledger:s3cret@127.0.0.1/ledger' },
      /^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL \(got a hidden value\)\.$/,
    ],
  ])('rejects %o with a sentence naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});
