import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerPath } from './open-database';
import { openSqliteLedger } from './sqlite-ledger';
import { insertPunches, newPunch } from '../testing/ledger-factories';

const CHILD = fileURLToPath(new URL('../testing/durability-child.ts', import.meta.url));
const CHILD_ARGS = ['--import', 'tsx', CHILD];

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-durability-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('durability', () => {
  it('a punch written by one process is read by another opening the same file', () => {
    const dir = tempDir();
    const ledger = openSqliteLedger(dir);
    const punch = newPunch({ kioskId: 'k-1' });
    insertPunches(ledger, [punch]);

    const child = spawnSync(process.execPath, [...CHILD_ARGS, 'read', dir, punch.kioskId, punch.id], {
      encoding: 'utf8',
    });
    ledger.close();
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toMatchObject({ id: punch.id, kioskId: 'k-1', status: 'queued' });
  });

  it('after a process is killed mid-write, the file is intact and holds every acknowledged insert', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [...CHILD_ARGS, 'insert-loop', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) acked.push(line.replace(/^acked /, ''));
        if (acked.length >= 300) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
    });
    expect(await exited).toBe('SIGKILL');
    expect(stderr).toBe('');

    const raw = new Database(ledgerPath(dir));
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    const ledger = openSqliteLedger(dir);
    const missing = acked.filter((id) => ledger.getPunch('crash-kiosk', id) === null);
    const stored = ledger.countByStatus().queued;
    ledger.close();
    expect(acked.length).toBeGreaterThanOrEqual(300);
    expect(missing).toEqual([]);
    expect(stored).toBeGreaterThanOrEqual(acked.length);
  });
});
