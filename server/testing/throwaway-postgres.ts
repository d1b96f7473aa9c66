/**
 * A PostgreSQL server of its own for a test run: `initdb` into a temporary folder, `pg_ctl start` on a free loopback
 * port, `pg_ctl stop` and the folder removed afterwards. The server binaries are Debian's
 * (`/usr/lib/postgresql/<version>/bin`, package `postgresql`) or the folder named by `POSTGRES_BIN`. PostgreSQL
 * refuses to run as root, so as root every command runs as the `postgres` user, which owns the folder.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server-process';

const run = promisify(execFile);
const DEBIAN_ROOT = '/usr/lib/postgresql';
const SERVICE_USER = 'postgres';
const FOLDER_PREFIX = 'ledger-postgres-';
/** The id of the process that started the server: a run killed before its teardown leaves a server behind. */
const OWNER_FILE = 'owner.pid';

export const POSTGRES_HOW_TO_ENABLE =
  'install PostgreSQL (Debian: apt-get install -y postgresql) or set POSTGRES_BIN to the folder holding initdb and pg_ctl';

/** The folder holding `initdb` and `pg_ctl`, newest Debian version first; null when PostgreSQL is not installed. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.POSTGRES_BIN) return existsSync(join(env.POSTGRES_BIN, 'initdb')) ? env.POSTGRES_BIN : null;
  if (!existsSync(DEBIAN_ROOT)) return null;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((name) => existsSync(join(DEBIAN_ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(DEBIAN_ROOT, versions[0], 'bin') : null;
}

export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, trusted (no password) and reachable only on loopback. */
  url: string;
  port: number;
  /** Stops the server and keeps its data (`fast` shutdown: sessions are cut, as when the database restarts). */
  pause(): Promise<void>;
  /** Starts the paused server again on the same port. */
  resume(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

export async function startThrowawayPostgres(bin: string): Promise<ThrowawayPostgres> {
  const asRoot = userInfo().uid === 0;
  const exec = (program: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', SERVICE_USER, '--', join(bin, program), ...args])
      : run(join(bin, program), args);
  const folder = mkdtempSync(join(tmpdir(), FOLDER_PREFIX));
  writeFileSync(join(folder, OWNER_FILE), String(process.pid));
  if (asRoot) chownSync(folder, ...serviceUserIds());
  const data = join(folder, 'data');
  const port = await freePort();
  await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  // Durability of the test server itself is not under test: fsync off keeps a 2-core machine fast.
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () => exec('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'log'), '-w', 'start']);
  const halt = () => exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    pause: async () => void (await halt()),
    resume: async () => void (await start()),
    stop: async () => {
      await halt().catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Stops and removes the servers of earlier runs whose starting process is gone (killed before its teardown ran), so
 * that a shared machine does not collect them. Servers of runs still alive are left alone.
 */
export async function stopAbandonedServers(bin: string): Promise<void> {
  const asRoot = userInfo().uid === 0;
  for (const name of readdirSync(tmpdir()).filter((entry) => entry.startsWith(FOLDER_PREFIX))) {
    const folder = join(tmpdir(), name);
    const owner = Number(readOwner(folder));
    if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
    const stop = [join(bin, 'pg_ctl'), '-D', join(folder, 'data'), '-m', 'immediate', '-w', 'stop'];
    await (
      asRoot ? run('runuser', ['-u', SERVICE_USER, '--', ...stop]) : run(stop[0] ?? '', stop.slice(1))
    ).catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  }
}

function readOwner(folder: string): string {
  try {
    return readFileSync(join(folder, OWNER_FILE), 'utf8').trim();
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The `postgres` user's ids (Debian's package creates it), read once before the folder is handed over. */
function serviceUserIds(): [number, number] {
  const id = (flag: string) => Number(execFileSync('id', [flag, SERVICE_USER], { encoding: 'utf8' }).trim());
  return [id('-u'), id('-g')];
}
