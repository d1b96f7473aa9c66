import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config';
import { DEMO_ADMIN_TOKEN_FILE, demoAdminToken } from './demo-admin-token';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'demo-token-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('demoAdminToken', () => {
  it('is the same after a restart, kept in DATA_DIR for this user only, and strong enough for ADMIN_TOKEN', () => {
    const first = demoAdminToken(dataDir);
    expect(demoAdminToken(dataDir)).toBe(first);
    expect(statSync(join(dataDir, DEMO_ADMIN_TOKEN_FILE)).mode & 0o777).toBe(0o600);
    expect(parseConfig({ ADMIN_TOKEN: first }).ADMIN_TOKEN).toBe(first);
  });

  it.each(['short', 'ab'.repeat(20)])('replaces a kept token ADMIN_TOKEN would refuse (%s)', (weak) => {
    writeFileSync(join(dataDir, DEMO_ADMIN_TOKEN_FILE), `${weak}\n`);
    const token = demoAdminToken(dataDir);
    expect(token).toHaveLength(43);
    expect(parseConfig({ ADMIN_TOKEN: token }).ADMIN_TOKEN).toBe(token);
  });

  it('makes a new one per run without a data folder', () => {
    expect(demoAdminToken(':memory:')).not.toBe(demoAdminToken(':memory:'));
  });
});
