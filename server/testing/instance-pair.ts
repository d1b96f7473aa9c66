/**
 * Two proxy processes sharing one PostgreSQL database, as behind a load balancer: each has its own port and
 * DATA_DIR, the same DATABASE_URL, ADMIN_TOKEN and Kenjo. Requests go to any live instance; an instance can be
 * killed (SIGKILL) and restarted on its port while the other goes on. `send` behaves as a kiosk: a batch that meets
 * a dead or unavailable instance is sent again, to whichever instance is up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Punch } from '../../core/punch';
import { json, sendPunches, sleep } from './proxy-http';
import { freePort, startServerProcess, type ServerProcess } from './server-process';

export interface InstancePair {
  /** The instance at `index` while it runs; throws while it is down. */
  at(index: number): ServerProcess;
  /** The index of a live instance, picked with `random`. */
  pick(random: () => number): number;
  kill(index: number): Promise<void>;
  restart(index: number): Promise<void>;
  /** Every process id each instance has had, one per start. */
  pids(index: number): number[];
  /** Posts as a kiosk does until an instance stores the batch; the per-punch statuses and who answered. */
  send(token: string, punches: readonly Punch[], random: () => number): Promise<string[]>;
  output(): string;
  close(): Promise<void>;
}

export async function startInstancePair(env: Record<string, string>): Promise<InstancePair> {
  const slots = await Promise.all(
    [0, 1].map(async () => ({
      port: await freePort(),
      dataDir: mkdtempSync(join(tmpdir(), 'kiosk-instance-')),
      server: null as ServerProcess | null,
      pids: [] as number[],
      output: '',
    })),
  );
  const slot = (index: number) => {
    const found = slots[index];
    if (!found) throw new Error(`no instance ${index}`);
    return found;
  };
  async function start(index: number): Promise<void> {
    const s = slot(index);
    s.server = await startServerProcess({ ...env, DATA_DIR: s.dataDir }, s.port);
    s.pids.push(s.server.pid);
  }
  async function kill(index: number): Promise<void> {
    const s = slot(index);
    s.output += s.server?.output() ?? '';
    await s.server?.kill();
    s.server = null;
  }
  const live = () => slots.flatMap((s, index) => (s.server ? [index] : []));
  const pair: InstancePair = {
    at(index) {
      const { server } = slot(index);
      if (!server) throw new Error(`instance ${index} is down`);
      return server;
    },
    pick(random) {
      const up = live();
      const index = up[Math.floor(random() * up.length)];
      if (index === undefined) throw new Error('no instance is running');
      return index;
    },
    kill,
    async restart(index) {
      await kill(index);
      await start(index);
    },
    pids: (index) => [...slot(index).pids],
    async send(token, punches, random) {
      for (let attempt = 1; ; attempt += 1) {
        const answer = await sendPunches(pair.at(pair.pick(random)).url, token, punches).catch(() => null);
        // A kiosk keeps the batch and tries again later on a refused connection or a 503; nothing else is normal.
        if (answer !== null && answer.status !== 503) {
          const body = (await json(answer)) as { results: Array<{ status: string }> };
          return body.results.map((r) => r.status);
        }
        if (attempt === 50) throw new Error(`no instance stored the batch after ${attempt} tries`);
        await sleep(200);
      }
    },
    output: () => slots.map((s, i) => `--- instance ${i}\n${s.output}${s.server?.output() ?? ''}`).join('\n'),
    async close() {
      await Promise.all(slots.map(async (_, index) => kill(index)));
      for (const s of slots) rmSync(s.dataDir, { recursive: true, force: true });
    },
  };
  await Promise.all([start(0), start(1)]);
  return pair;
}
