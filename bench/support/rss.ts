/** Resident memory of another process, from /proc (Linux); null where /proc is not there. */
import { readFileSync } from 'node:fs';

export function rssBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kib === undefined ? null : Number(kib) * 1024;
  } catch {
    return null;
  }
}

/** Megabytes of 1,000,000 bytes: goals in MB are read this way, the stricter reading. */
export const MB = 1_000_000;
