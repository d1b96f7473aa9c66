import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator, type StartSimulatorOptions } from './start';
import { demoEmployee } from '../testing/simulator-support';

const BADGE = demoEmployee(0).externalId;
let running: RunningSimulator | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: StartSimulatorOptions = {}) {
  running = await startSimulator({ port: 0, ...options });
  const { baseUrl } = running;
  const login = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey: 'demo-api-key' }),
  });
  const { token } = (await login.json()) as { token: string };
  const trackTime = (dateTime: string) =>
    fetch(`${baseUrl}/attendances/track-time`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({ externalId: BADGE, dateTime }),
    });
  return { ...running, trackTime };
}

describe('over a real socket', () => {
  it('serves Kenjo under /api/v1 on an ephemeral port', async () => {
    const { baseUrl, trackTime, simulator } = await start();
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect((await trackTime('2026-02-03T08:00:00')).status).toBe(201);
    expect(simulator.log()).toHaveLength(1);
  });

  it.each([
    { mode: 'drop' as const, stallMs: 0 },
    { mode: 'stall' as const, stallMs: 50 },
  ])(
    'commit then $mode: the call fails without a response, yet the punch is stored and logged',
    async ({ mode, stallMs }) => {
      const { trackTime, simulator } = await start({
        faults: { commitThenFailRate: 1, commitThenFailModes: [mode], stallMs },
      });
      await expect(trackTime('2026-02-03T08:00:00')).rejects.toThrow();
      expect(simulator.state().attendances).toHaveLength(1);
      expect(simulator.log()).toEqual([
        expect.objectContaining({ dateTime: '2026-02-03T08:00:00', appliedAs: 'ordinary' }),
      ]);
      expect(simulator.counters()).toMatchObject({ applied: 1, failedAfterApply: 1 });
    },
  );

  it('close() releases a connection that is still stalled', async () => {
    const { trackTime, close, simulator } = await start({
      faults: { commitThenFailRate: 1, commitThenFailModes: ['stall'], stallMs: 600_000 },
    });
    const pending = trackTime('2026-02-03T08:00:00');
    while (simulator.log().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await close();
    running = undefined;
    await expect(pending).rejects.toThrow();
  });

  it('faults set at run time over HTTP take effect on the next call', async () => {
    const { baseUrl, trackTime } = await start();
    const controls = baseUrl.replace(/\/api\/v1$/, '/__simulator');
    const put = await fetch(`${controls}/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rateLimitRate: 1, retryAfterS: 3 }),
    });
    expect(put.status).toBe(200);
    const res = await trackTime('2026-02-03T08:00:00');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
  });
});
