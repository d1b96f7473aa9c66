/**
 * A kiosk's and an operator's side of the proxy over real HTTP, for tests that run the server as a process: create
 * a kiosk, post a batch, read the health answer, wait for a condition with a sentence when it never comes.
 */
import type { Punch } from '../../core/punch';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The JSON body of an answer that must be a success; any other status throws with the body. */
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
  timeZone: string,
): Promise<CreatedKiosk> {
  const res = await fetch(`${url}/api/v1/admin/kiosks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, timeZone }),
  });
  return (await json(res)) as CreatedKiosk;
}

/** `POST /api/v1/punches`; the raw answer, for callers that look at its status. */
export function postPunches(url: string, token: string, punches: readonly Punch[]): Promise<Response> {
  return fetch(`${url}/api/v1/punches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sentAt: new Date().toISOString(), punches }),
  });
}

/** The per-punch statuses of a batch that must be answered `200`. */
export async function post(url: string, token: string, punches: readonly Punch[]): Promise<string[]> {
  const body = (await json(await postPunches(url, token, punches))) as { results: Array<{ status: string }> };
  return body.results.map((r) => r.status);
}

export interface HealthAnswer {
  backlog: { waiting: number; failed: number };
}

export async function health(url: string): Promise<HealthAnswer> {
  return (await json(await fetch(`${url}/api/v1/health`))) as HealthAnswer;
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

/**
 * Without its employee directory a server resolves no punch: waits until it has loaded one from Kenjo, and answers
 * how many employees it knows.
 */
export async function waitForDirectory(url: string, kioskToken: string, withinMs = 20_000): Promise<number> {
  let known = 0;
  await waitUntil(
    `the server at ${url} did not load its employee directory from Kenjo`,
    async () => {
      const res = await fetch(`${url}/api/v1/kiosk/directory`, {
        headers: { authorization: `Bearer ${kioskToken}` },
      });
      if (!res.ok) return false;
      const body = (await res.json()) as { fetchedAt: string | null; employees: unknown[] };
      known = body.employees.length;
      return body.fetchedAt !== null && known > 0;
    },
    withinMs,
  );
  return known;
}
