import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerPath } from '../ledger/open-database';
import { openSqliteLedger } from '../ledger/sqlite-ledger';
import { insertPunches, newPunch } from '../testing/ledger-factories';
import { backupLedger } from './backup-ledger';

const WRITER = fileURLToPath(new URL('../testing/durability-child.ts', import.meta.url));
const BACKUP_MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const dirs: string[] = [];
let writer: ChildProcess | undefined;

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-backup-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  writer?.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts a process inserting punches into `dataDir` one commit at a time; resolves once `count` are acknowledged. */
function startWriter(dataDir: string, count: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, 'insert-loop', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  writer = child;
  const acked: string[] = [];
  let buffered = '';
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (buffered + chunk.toString()).split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) acked.push(line.replace(/^acked /, ''));
      if (acked.length >= count) resolve([...acked]);
    });
  });
}

/** The restore of the README: server stopped, the backup copied over `ledger.sqlite`, its WAL files removed. */
function restore(backup: string, dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  for (const suffix of ['-wal', '-shm']) rmSync(`${ledgerPath(dataDir)}${suffix}`, { force: true });
  copyFileSync(backup, ledgerPath(dataDir));
}

describe('backupLedger', () => {
  it('copies a ledger another process keeps writing to; the restored copy holds every punch acknowledged before', async () => {
    const live = tempDir();
    const ackedBefore = await startWriter(live, 200);
    const backup = join(tempDir(), 'nested', 'copy.sqlite');
    const result = await backupLedger(live, backup);
    writer?.kill('SIGKILL');

    expect(result.punches).toBeGreaterThanOrEqual(ackedBefore.length);
    const restored = join(tempDir(), 'data');
    restore(backup, restored);
    const ledger = openSqliteLedger(restored);
    expect(ackedBefore.filter((id) => ledger.getPunch('crash-kiosk', id) === null)).toEqual([]);
    expect(ledger.countByStatus().queued).toBe(result.punches);
    const next = newPunch({ kioskId: 'after-restore' });
    expect(insertPunches(ledger, [next])).toEqual(['inserted']);
    ledger.close();
    expect(readdirSync(join(backup, '..'))).toEqual(['copy.sqlite']);
  });

  it('runs as `npm run backup`, into DATA_DIR/backups, and refuses to overwrite a file', () => {
    const dataDir = tempDir();
    const ledger = openSqliteLedger(dataDir);
    insertPunches(ledger, [newPunch()]);
    ledger.close();
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', BACKUP_MAIN, ...args], {
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      });
    const first = run();
    expect(first.stdout).toMatch(
      /^Backed up 1 punches \(\d+ bytes\) to .*backups\/ledger-\d{4}-\d\d-\d\dT\d{6}Z\.sqlite/,
    );
    const [file = ''] = readdirSync(join(dataDir, 'backups'));
    const again = run(join(dataDir, 'backups', file));
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('exists already');
    expect(existsSync(join(dataDir, 'backups', `${file}.partial`))).toBe(false);
  });

  it('writes the copy 0600 and a backups folder it creates 0700: they hold everyone’s punches', async () => {
    const dataDir = tempDir();
    const ledger = openSqliteLedger(dataDir);
    insertPunches(ledger, [newPunch()]);
    ledger.close();
    const umask = process.umask(0o022);
    try {
      const { path } = await backupLedger(dataDir, join(dataDir, 'backups', 'copy.sqlite'));
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(join(dataDir, 'backups')).mode & 0o777).toBe(0o700);
    } finally {
      process.umask(umask);
    }
  });

  it('says so when DATA_DIR holds no ledger', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', BACKUP_MAIN], {
      env: { ...process.env, DATA_DIR: join(tempDir(), 'empty') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('There is no ledger');
  });
});
