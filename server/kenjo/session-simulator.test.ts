import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../simulator/start';
import { createKenjoClient } from './client';
import { API_KEY, logIn, punch, setup } from '../testing/simulator-fixture';

describe('the session', () => {
  it('reuses one token for many calls', async () => {
    const { running, client } = await setup();
    for (const hour of ['08', '09', '10', '11', '12'])
      await client.trackTime(punch(`2026-02-04T${hour}:00:00`));
    await client.listAttendances('2026-02-04', '2026-02-04');
    expect(running.simulator.counters().logins).toBe(1);
    expect(client.stats()).toMatchObject({ logins: 1, trackTimeCalls: 5 });
  });

  it('shares one login among concurrent callers', async () => {
    const { running, client } = await setup();
    const times = Array.from({ length: 20 }, (_, i) => `2026-02-04T08:${String(i).padStart(2, '0')}:00`);
    const outcomes = await Promise.all(times.map((dateTime) => client.trackTime(punch(dateTime))));
    expect(outcomes.every((outcome) => outcome.kind === 'applied')).toBe(true);
    expect(running.simulator.counters().logins).toBe(1);
    expect(running.simulator.log()).toHaveLength(20);
  });

  it('logs in again shortly before the token expires', async () => {
    let nowMs = Date.parse('2026-02-04T08:00:00Z');
    const clock = () => nowMs;
    const { running, client } = await setup({ tokenLifetimeS: 1.5, clock }, { now: clock });
    const outcomes = [];
    for (let i = 0; i < 5; i += 1) {
      outcomes.push(await client.trackTime(punch(`2026-02-04T08:0${i}:00`)));
      nowMs += 1_000;
    }
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(Array(5).fill('applied'));
    // Logins at 0 s, 2 s and 4 s: a 1.5 s token serves the call one second later, not two.
    expect(running.simulator.counters().logins).toBe(3);
  });

  it.each([
    [
      'the token expired by Kenjo’s clock only',
      (_running: RunningSimulator, advance: () => void) => advance(),
    ],
    ['Kenjo forgot the token', (running: RunningSimulator) => running.simulator.reset()],
  ])('recovers from a 401 when %s: one new login, one retry', async (_label, spoil) => {
    let simulatorNowMs = Date.parse('2026-02-04T08:00:00Z');
    const { running, client } = await setup({ tokenLifetimeS: 60, clock: () => simulatorNowMs });
    await logIn(client);
    spoil(running, () => (simulatorNowMs += 120_000));
    await expect(client.trackTime(punch('2026-02-04T08:00:00'))).resolves.toEqual({ kind: 'applied' });
    expect(client.stats().logins).toBe(2);
    expect(running.simulator.log()).toHaveLength(1);
  });

  it('logs out on close and logs in afresh when used again', async () => {
    const { client } = await setup();
    await logIn(client);
    await client.close();
    await logIn(client);
    expect(client.stats().logins).toBe(2);
  });

  it('closes quietly when Kenjo is gone', async () => {
    const { running, client } = await setup();
    await logIn(client);
    await running.close();
    await expect(client.close()).resolves.toBeUndefined();
  });

  it('never hands the API key or the token to a pino logger', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
    const { running, client } = await setup({}, { logger });
    await client.trackTime(punch('2026-02-04T08:00:00'));
    running.simulator.reset();
    await client.trackTime(punch('2026-02-04T09:00:00'));
    await client.close();
    const wrong = createKenjoClient({ baseUrl: running.baseUrl, apiKey: 'wrong-key', logger });
    await wrong.trackTime(punch('2026-02-04T10:00:00'));
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.join('\n')).not.toMatch(new RegExp(`${API_KEY}|wrong-key|Bearer`, 'i'));
  });
});
