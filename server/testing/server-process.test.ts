import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServerProcess, type ServerProcess } from './server-process';

/** Whether a process with this id still exists (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startServerProcess', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-server-process-'));
  const started: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of started) await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('kill() ends the server itself, so a restart on the same port is a new process', async () => {
    const port = await freePort();
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    const first = await startServerProcess(env, port);
    started.push(first);
    await first.kill();
    expect(alive(first.pid)).toBe(false);
    expect((await fetch(`${first.url}/api/v1/health`).catch(() => null))?.ok ?? false).toBe(false);
    const second = await startServerProcess(env, port);
    started.push(second);
    expect(second.pid).not.toBe(first.pid);
    expect(alive(second.pid)).toBe(true);
  }, 60_000);
});
