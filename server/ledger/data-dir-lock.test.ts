import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';
import { openLedger } from './open-ledger';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-lock-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** A process of its own holding the folder's lock until it is killed. */
async function holderProcess(dir: string) {
  const script = `import { lockDataDir } from './server/ledger/data-dir-lock.ts';
    lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [first] = (await once(child.stdout, 'data')) as [Buffer];
  expect(first.toString()).toContain('locked');
  return child;
}

describe('the data folder lock', () => {
  it('refuses a second ledger on the same folder until the first is closed', async () => {
    const first = await openLedger({ dataDir });
    await expect(openLedger({ dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
    await first.close();
    const again = await openLedger({ dataDir });
    await again.close();
  });

  it('refuses while another process holds it, and is free at once when that process is killed', async () => {
    const holder = await holderProcess(dataDir);
    try {
      expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(dataDir)).toThrow(/DATABASE_URL/);
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }
    const unlock = lockDataDir(dataDir);
    unlock();
  });
});
