import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  it('runs in demo mode with defaults when nothing is set', () => {
    const config = parseConfig({ TIME_ZONE: 'Europe/Berlin' });
    expect(config).toMatchObject({ PORT: 8080, HOST: '0.0.0.0', DATA_DIR: './data', demoMode: true });
    expect(config.MAX_SHIFT_HOURS).toBe(16);
    expect(config.DOUBLE_SCAN_WINDOW_S).toBe(60);
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT /],
    [{ TIME_ZONE: 'Mars/Olympus' }, /^TIME_ZONE /],
    [{ KENJO_API_URL: 'not a url' }, /^KENJO_API_URL /],
    [{ KENJO_API_URL: 'https://sandbox-api.kenjo.io/api/v1' }, /^KENJO_API_KEY /],
    [{ KENJO_API_URL: 'https://sandbox-api.kenjo.io/api/v1', KENJO_API_KEY: 'k' }, /^ADMIN_TOKEN /],
    [{ MAX_SHIFT_HOURS: '-1' }, /^MAX_SHIFT_HOURS /],
  ])('rejects %o with a sentence naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});
