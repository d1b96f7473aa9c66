/**
 * The running proxy as a kiosk, an operator and a monitor reach it over HTTP, and Kenjo's ground truth in a
 * scenario's terms: for tests of whole servers (child processes, or several instances on one database).
 */
import type { Punch } from '../../core/punch';
import type { RunningSimulator } from '../simulator';
import { SCENARIO_ZONE, type ExpectedEntry, type ScenarioPunch } from './scenario';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function json(res: Response): Promise<unknown> {
  const body: unknown = await res.json();
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body;
}

export interface CreatedKiosk {
  id: string;
  token: string;
  pairingCode: string;
}

export async function createKiosk(
  url: string,
  adminToken: string,
  name: string,
  timeZone = SCENARIO_ZONE,
): Promise<CreatedKiosk> {
  const res = await fetch(`${url}/api/v1/admin/kiosks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, timeZone }),
  });
  return (await json(res)) as CreatedKiosk;
}

/** A scenario's punches, or punches made by the test itself. */
type Punches = readonly ScenarioPunch[] | readonly Punch[];

const asPunch = (p: ScenarioPunch | Punch): Punch => ('punch' in p ? p.punch : p);

/** One batch as the kiosk sends it; the raw answer, for a test that expects a refusal. */
export function sendPunches(url: string, token: string, punches: Punches): Promise<Response> {
  return fetch(`${url}/api/v1/punches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sentAt: new Date().toISOString(), punches: punches.map(asPunch) }),
  });
}

/** One batch that must be answered; each punch's status, in order. */
export async function postPunches(url: string, token: string, punches: Punches): Promise<string[]> {
  const body = (await json(await sendPunches(url, token, punches))) as { results: Array<{ status: string }> };
  return body.results.map((r) => r.status);
}

/** Punches the server still has to send (queued or sending), from its health answer. */
export async function backlogWaiting(url: string): Promise<number> {
  const body = (await json(await fetch(`${url}/api/v1/health`))) as { backlog: { waiting: number } };
  return body.backlog.waiting;
}

/**
 * Whether the server has its employee directory (without it, it can resolve no punch), as the console's Kenjo page
 * reads it: the kiosks' copy would first derive every identifier's slow digest, which a loaded machine takes long for.
 */
export async function directoryLoaded(url: string, adminToken: string): Promise<boolean> {
  const res = await fetch(`${url}/api/v1/admin/kenjo`, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
  const body = (await res.json()) as { directory?: { fetchedAt: string | null; employees: number } };
  return res.ok && typeof body.directory?.fetchedAt === 'string' && body.directory.employees > 0;
}

/** How many employees the server's directory holds; null while it has none (then it can resolve no punch). */
export async function directoryEmployees(url: string, token: string): Promise<number | null> {
  const res = await fetch(`${url}/api/v1/kiosk/directory`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) return null;
  const body = (await res.json()) as { fetchedAt?: string | null; employees?: unknown[] };
  return typeof body.fetchedAt === 'string' ? (body.employees?.length ?? 0) : null;
}

/** Polls `ready` until it holds; throws `what` (with `context()`, e.g. the server's output) after `withinMs`. */
export async function waitUntil(
  what: string,
  ready: () => Promise<boolean>,
  withinMs: number,
  context: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${withinMs} ms\n${context()}`);
    await sleep(100);
  }
}

/** Waits until the server has loaded a directory with employees from Kenjo; answers how many it knows. */
export async function waitForDirectory(url: string, kioskToken: string, withinMs = 20_000): Promise<number> {
  let known = 0;
  await waitUntil(
    `the server at ${url} did not load its employee directory from Kenjo`,
    async () => {
      known = (await directoryEmployees(url, kioskToken)) ?? 0;
      return known > 0;
    },
    withinMs,
  );
  return known;
}

const entryKey = (e: { userId: string; start: string }) => `${e.userId} ${e.start}`;

/** The entries sorted by employee and start, so that two lists compare whatever order they were made in. */
export function byEntryKey<T extends { userId: string; start: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => entryKey(a).localeCompare(entryKey(b)));
}

/**
 * What Kenjo received and made of it, as a scenario states its expectations: per employee, the wall-clock minutes of
 * the applied calls in the order they arrived; and the attendance entries with their overnight flags.
 */
export function kenjoGroundTruth(sim: RunningSimulator): {
  minutesByUser: Map<string, string[]>;
  /** `end` is null for an entry left open, which no complete scenario expects. */
  entries: Array<Omit<ExpectedEntry, 'end'> & { end: string | null }>;
} {
  const minutesByUser = new Map<string, string[]>();
  for (const entry of sim.simulator.log()) {
    const minutes = minutesByUser.get(entry.employeeId) ?? [];
    minutesByUser.set(entry.employeeId, [...minutes, entry.dateTime.slice(0, 16)]);
  }
  const entries = sim.simulator.state().attendances.map((e) => ({
    userId: e.userId,
    date: e.date,
    start: e.startTime.slice(0, 16),
    end: e.endTime?.slice(0, 16) ?? null,
    overnight: e.isOvernightShift,
  }));
  return { minutesByUser, entries: byEntryKey(entries) };
}
