/**
 * PostgreSQL for the benchmarks: a throwaway server of its own (initdb into a temp folder, a free loopback port,
 * removed afterwards), an empty database per measurement, and proxy instances pointed at one database, each its own
 * process built as `npm start` runs it.
 */
import pg from 'pg';
import {
  findPostgresBin,
  POSTGRES_HOW_TO_ENABLE,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../../server/testing/throwaway-postgres';
import { backlogWaiting, postPunches, sleep } from '../../server/testing/proxy-http';
import type { PlannedPunch } from './punch-plan';
import { startServerChild, type ServerChild } from './server-child';

/** The kiosks' copy of the directory is derived (slowly, on purpose) after each start. */
export const DIRECTORY_WITHIN_MS = 120_000;

export async function startBenchPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin();
  if (bin === null)
    throw new Error(`no PostgreSQL on this machine; to measure it, ${POSTGRES_HOW_TO_ENABLE}`);
  return startThrowawayPostgres(bin);
}

let databases = 0;

/** A new, empty database on the server; its URL. */
export async function createDatabase(server: ThrowawayPostgres): Promise<string> {
  databases += 1;
  const name = `bench_${process.pid}_${databases}`;
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return url.toString();
}

/** `count` proxy instances on one database, started together (their schema migration takes turns). */
export async function startInstances(
  root: string,
  count: number,
  env: Record<string, string>,
): Promise<ServerChild[]> {
  return Promise.all(Array.from({ length: count }, () => startServerChild(root, env)));
}

export async function stopAll(instances: readonly ServerChild[]): Promise<void> {
  await Promise.all(instances.map((instance) => instance.stop()));
}

/** A planned punch as a kiosk sends it. */
export const wire = (p: PlannedPunch) => ({ id: p.id, employee: p.ref, at: p.at });

/** Posts one batch; how many of its punches were accepted. */
export async function postAccepted(
  url: string,
  token: string,
  punches: Parameters<typeof postPunches>[2],
): Promise<number> {
  return (await postPunches(url, token, punches)).filter((status) => status === 'accepted').length;
}

/**
 * How often the end of a drain is looked for. Each look counts the backlog in the database, which costs the database
 * about a millisecond per thousand punches waiting: looked for every few milliseconds, it would take a sizeable part
 * of the machine from the instances under measurement. A drain of seconds ends at most this late.
 */
const DRAINED_POLL_MS = 100;

/** Waits until no punch is queued or sending, as `instance`'s health answer says for the database all instances share. */
export async function drained(instance: ServerChild, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while ((await backlogWaiting(instance.url)) > 0) {
    if (Date.now() > deadline) throw new Error('the instances did not drain in time');
    await sleep(DRAINED_POLL_MS);
  }
}

export interface LeaseWatch {
  /** The one instance holding replay leases, once there is one. */
  soleOwner(withinMs: number): Promise<string>;
  /** The employees `owner` holds now. */
  heldBy(owner: string): Promise<string[]>;
  /**
   * From `sinceMs`, polls until each of `keys` that still has punches to send is held by an instance other than
   * `owner`; answers, per such employee, how long after `sinceMs` another instance first held it (sorted).
   */
  handedOver(owner: string, keys: readonly string[], sinceMs: number, withinMs: number): Promise<number[]>;
  close(): Promise<void>;
}

/** Reads the database's replay leases directly, as an operator would with psql. */
export async function watchLeases(databaseUrl: string): Promise<LeaseWatch> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rows = async <R extends pg.QueryResultRow>(sql: string, values: unknown[] = []) =>
    (await client.query<R>(sql, values)).rows;
  return {
    async soleOwner(withinMs) {
      const deadline = Date.now() + withinMs;
      for (;;) {
        const owners = await rows<{ owner: string }>('SELECT DISTINCT owner FROM replay_leases');
        if (owners.length === 1 && owners[0]) return owners[0].owner;
        if (Date.now() > deadline) throw new Error(`expected one lease owner, found ${owners.length}`);
        await sleep(50);
      }
    },
    heldBy: async (owner) =>
      (
        await rows<{ key: string }>('SELECT employee_key AS key FROM replay_leases WHERE owner = $1', [owner])
      ).map(({ key }) => key),
    async handedOver(owner, keys, sinceMs, withinMs) {
      const takenAt = new Map<string, number>();
      for (;;) {
        const nowMs = Date.now();
        const withWork = await rows<{ key: string }>(
          `SELECT DISTINCT employee_key AS key FROM punches
            WHERE status IN ('queued', 'sending') AND employee_key = ANY($1::text[])`,
          [keys],
        );
        const heirs = await rows<{ key: string }>(
          'SELECT employee_key AS key FROM replay_leases WHERE owner <> $1',
          [owner],
        );
        for (const { key } of heirs) if (!takenAt.has(key)) takenAt.set(key, nowMs - sinceMs);
        if (withWork.every(({ key }) => takenAt.has(key))) {
          return withWork.map(({ key }) => takenAt.get(key) ?? 0).sort((a, b) => a - b);
        }
        if (nowMs - sinceMs > withinMs) throw new Error('the employees were not handed over in time');
        await sleep(50);
      }
    },
    close: () => client.end(),
  };
}
