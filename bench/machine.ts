/** Where and when the figures were measured, so that a reader can compare runs across machines and commits. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  date: string;
  gitCommit: string | null;
  /** True when the working tree had uncommitted changes at the time of the run. */
  gitDirty: boolean | null;
  /** The 1-minute load average as the run (or section) started; above `cores`, other work shared the CPU. */
  loadAverage1m?: number;
}

function git(root: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

export function describeMachine(root: string): Machine {
  const cpus = os.cpus();
  const status = git(root, ['status', '--porcelain']);
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    gitCommit: git(root, ['rev-parse', 'HEAD']),
    gitDirty: status === null ? null : status.length > 0,
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
  };
}

export function machineLine(machine: Machine): string {
  return `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os}`;
}

/** How busy the machine was: idle when the load stayed below its cores, shared otherwise. */
export function loadLine(machine: Machine): string {
  if (machine.loadAverage1m === undefined) return 'load not recorded';
  const shared = machine.loadAverage1m >= machine.cores;
  return `1-minute load ${machine.loadAverage1m} on ${machine.cores} cores (${shared ? 'a shared, busy machine' : 'otherwise idle'})`;
}
