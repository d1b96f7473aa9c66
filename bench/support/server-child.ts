/**
 * The real proxy as its own process, compiled and started with the flags of `npm start` (`serverNodeArgs`:
 * `node --max-semi-space-size=2 … dist-server/main.js`), so that its CPU and resident memory are its own and not the load
 * generator's. It listens on a free port (PORT=0) in a temp DATA_DIR; the address is read from its "Server listening
 * at" log line, in a log file beside it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  createKiosk as createKioskAs,
  waitForDirectory,
  type CreatedKiosk,
} from '../../server/testing/proxy-http';
import { tempDataDir } from './replay-rig';

export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

export interface ServerChild {
  url: string;
  pid: number;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** The flags and script of `npm start`, after its build step, read from package.json: what production runs. */
export function serverNodeArgs(root: string): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [program, ...args] = (pkg.scripts.start.split('&&').at(-1) ?? '').trim().split(/\s+/);
  if (program !== 'node') throw new Error(`npm start does not end in a node command: ${pkg.scripts.start}`);
  return args;
}

const built = new Set<string>();

/**
 * Bundles the server once per bench run, so the figures are never those of a stale `dist-server/` (the build takes
 * a fraction of a second; checking every source file's date would not be much cheaper).
 */
export function buildServerOnce(root: string): void {
  if (built.has(root)) return;
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-server.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  built.add(root);
}

export async function startServerChild(
  root: string,
  env: Record<string, string>,
  options: { dataDir?: string; startTimeoutMs?: number } = {},
): Promise<ServerChild> {
  buildServerOnce(root);
  const dataDir = options.dataDir ?? tempDataDir('server');
  const logPath = path.join(tempDataDir('log'), 'server.log');
  const logFd = openSync(logPath, 'a');
  // BENCH_PROFILE_DIR=<dir> writes a CPU profile of the server there when it stops (a diagnostic, off by default).
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child = spawn(process.execPath, [...profile, ...serverNodeArgs(root)], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
      // The plans punch on a fixed day (PLAN_DAY), weeks before today: they must be replayed, not held as too old.
      MAX_PUNCH_AGE_DAYS: '3650',
      ...env,
    },
    // A file, as a service manager would give it: a pipe the bench reads late would stall pino's writes.
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const url = await new Promise<string>((resolve, reject) => {
    const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
    const poll = setInterval(() => {
      const output = readFileSync(logPath, 'utf8');
      const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/i.exec(output);
      if (match?.[1]) {
        clearInterval(poll);
        resolve(match[1]);
      } else if (Date.now() > deadline || child.exitCode !== null) {
        clearInterval(poll);
        reject(new Error(`server did not listen; last output:\n${output.split('\n').slice(-20).join('\n')}`));
      }
    }, 50);
  });
  return {
    url,
    pid: child.pid ?? -1,
    dataDir,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
      rmSync(path.dirname(logPath), { recursive: true, force: true });
    },
  };
}

export { waitForDirectory, type CreatedKiosk };

/** Creates a kiosk through the admin API: its id, its token and a pairing code for a browser. */
export function createKiosk(url: string, name: string, timeZone = 'Europe/Berlin'): Promise<CreatedKiosk> {
  return createKioskAs(url, BENCH_ADMIN_TOKEN, name, timeZone);
}
