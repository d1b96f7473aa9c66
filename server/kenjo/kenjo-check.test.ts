import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const KENJO_CHECK = fileURLToPath(new URL('../../scripts/kenjo-check.ts', import.meta.url));

function run(env: Record<string, string>) {
  const { KENJO_API_URL: _url, KENJO_API_KEY: _key, ...rest } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', KENJO_CHECK], {
    env: { ...rest, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('npm run kenjo:check', () => {
  it.each<{ case: string; env: Record<string, string>; says: RegExp }>([
    { case: 'no variables', env: {}, says: /^Set KENJO_API_URL .* and KENJO_API_KEY/ },
    { case: 'no key', env: { KENJO_API_URL: 'https://api.kenjo.io/api/v1' }, says: /KENJO_API_KEY/ },
    {
      case: 'a malformed URL',
      env: { KENJO_API_URL: 'not a url', KENJO_API_KEY: 'k' },
      says: /^KENJO_API_URL must be an http\(s\) URL/,
    },
    {
      case: 'a URL of another scheme',
      env: { KENJO_API_URL: 'ftp://api.kenjo.io/api/v1', KENJO_API_KEY: 'k' },
      says: /^KENJO_API_URL must be an http\(s\) URL/,
    },
  ])('exits 2, bad configuration, on $case, before looking at any tenant', ({ env, says }) => {
    const result = run(env);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(says);
    expect(result.stdout).toBe('');
  });

  it('exits 1 when the configured Kenjo cannot be worked with (here: nothing answers)', () => {
    const result = run({ KENJO_API_URL: 'http://127.0.0.1:1/api/v1', KENJO_API_KEY: 'k' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/NOT USABLE/);
  });
});
