/**
 * The real proxy as a child process (`node --import tsx server/main.ts`), for tests that kill it: started with an
 * environment, ready once `GET /api/v1/health` answers, killed with SIGKILL (no shutdown code runs) or stopped with
 * SIGTERM. Node itself is spawned with tsx's loader, not the `tsx` command: that command runs the server in a
 * grandchild process, which a SIGKILL of the command cannot reach, so the "killed" server would live on, keep the
 * port, and answer the next start's health checks while the new process dies on EADDRINUSE.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether nothing listens on the port: a new server must not be mistaken for an old one still running. */
async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export interface ServerProcess {
  url: string;
  /** The server's own process id (no wrapper process in between). */
  pid: number;
  /** Everything the process wrote, for diagnosis and for counting log lines. */
  output(): string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServerProcess(env: Record<string, string>, port: number): Promise<ServerProcess> {
  if (!(await portIsFree(port))) {
    throw new Error(`port ${port} is still in use: an earlier server process is still running`);
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not become healthy:\n${output}`);
    }
    const ok = await fetch(`${url}/api/v1/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (child.pid === undefined || child.exitCode !== null) {
    throw new Error(`the server answered but its process is gone:\n${output}`);
  }
  return {
    url,
    pid: child.pid,
    output: () => output,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
