/**
 * The Kenjo simulator in a process of its own, as the real Kenjo is remote: its work (parsing, latency timers, its
 * log) then never runs on the proxy's event loop or counts in the proxy's memory. Run as
 * `node --import tsx simulator-process.ts <employees> <faults JSON>`; it prints its base URL and serves until killed.
 * The parent drives it through the simulator's `/__simulator/` controls.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSimulator, type Faults, type TrackTimeLogEntry } from '../../server/simulator';
import { benchCompany } from './company';

export interface SimulatorProcess {
  baseUrl: string;
  pid: number;
  log(): Promise<TrackTimeLogEntry[]>;
  reset(): Promise<void>;
  setFaults(faults: Partial<Faults>): Promise<void>;
  close(): Promise<void>;
}

const SELF = fileURLToPath(import.meta.url);

/** Starts the simulator with the bench company of `employees` people and `faults`; resolves once it listens. */
export async function startSimulatorProcess(
  employees: number,
  faults: Partial<Faults> = {},
): Promise<SimulatorProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', SELF, String(employees), JSON.stringify(faults)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^listening (\S+)$/m.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the simulator process exited (${String(code)})`)));
  });
  const control = (path: string) => baseUrl.replace(/\/api\/v1$/, `/__simulator/${path}`);
  return {
    baseUrl,
    pid: child.pid ?? -1,
    log: async () => (await (await fetch(control('log'))).json()) as TrackTimeLogEntry[],
    reset: async () => void (await fetch(control('reset'), { method: 'POST' })),
    async setFaults(faults) {
      const response = await fetch(control('faults'), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(faults),
      });
      if (!response.ok) throw new Error(`the simulator refused the faults: ${await response.text()}`);
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

if (process.argv[1] === SELF) {
  const [employees = '0', faults = '{}'] = process.argv.slice(2);
  const running = await startSimulator({
    port: 0,
    host: '127.0.0.1',
    employees: benchCompany(Number(employees)),
    faults: JSON.parse(faults) as Partial<Faults>,
  });
  process.stdout.write(`listening ${running.baseUrl}\n`);
  process.once('SIGTERM', () => void running.close().then(() => process.exit(0)));
}
