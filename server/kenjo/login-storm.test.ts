/**
 * A misconfigured proxy must not hammer Kenjo: over ten simulated minutes of calls, once a second, a refused login
 * is tried again only after a wait that doubles (5 s, 10 s, 20 s, … up to 5 min).
 */
import { describe, expect, it } from 'vitest';
import { createKenjoClient } from './client';
import type { KenjoClient } from './types';
import { API_KEY, punch, setup } from '../testing/simulator-fixture';

const START_MS = Date.parse('2026-02-04T08:00:00Z');
const TEN_MINUTES_S = 600;

async function callEverySecond(
  client: KenjoClient,
  clock: { nowMs: number },
  seconds = TEN_MINUTES_S,
): Promise<Set<string>> {
  const kinds = new Set<string>();
  for (let second = 0; second < seconds; second += 1) {
    const outcome = await client.trackTime(punch('2026-02-04T08:00:00'));
    kinds.add(outcome.kind);
    await client.listEmployees().catch(() => undefined);
    clock.nowMs += 1_000;
  }
  return kinds;
}

describe('logins stay bounded while the configuration is wrong', () => {
  it.each([
    ['a wrong key (401)', {}, 'wrong-key'],
    ['a wrong key answered 400', { wrongKeyStatus: 400 as const }, 'wrong-key'],
    ['403 on every call', { refuseAllWith: 403 as const }, API_KEY],
    ['a wrong base URL (404 on every call)', { refuseAllWith: 404 as const }, API_KEY],
  ])('%s: a handful of logins in ten minutes, nothing stored', async (_label, faults, apiKey) => {
    const clock = { nowMs: START_MS };
    const { running } = await setup({ faults });
    const client = createKenjoClient({ baseUrl: running.baseUrl, apiKey, now: () => clock.nowMs });
    const kinds = await callEverySecond(client, clock);
    expect(kinds).toEqual(new Set(['not-applied']));
    // Logins at 0, 5, 15, 35, 75, 155, 315 s: seven, where one a call would be 1200.
    expect(client.stats().logins).toBe(7);
    expect(running.simulator.counters().requests).toBe(7);
    expect(running.simulator.log()).toEqual([]);
    expect(client.stats().configurationProblems).toHaveLength(1);
  });

  it('with a key that logs in but may not track time: one login, and the problem clears once fixed', async () => {
    const clock = { nowMs: START_MS };
    const { running, client } = await setup(
      { faults: { refuseAllWith: 403, refuseLogin: false } },
      { now: () => clock.nowMs },
    );
    await callEverySecond(client, clock, 60);
    expect(client.stats().logins).toBe(1);
    expect(client.stats().configurationProblems.length).toBeGreaterThan(0);
    running.simulator.setFaults({ refuseAllWith: 0 });
    expect(await client.trackTime(punch('2026-02-04T09:00:00'))).toEqual({ kind: 'applied' });
    await client.listEmployees();
    expect(client.stats().configurationProblems).toEqual([]);
  });
});
