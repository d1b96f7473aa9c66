import { createServer } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEE_COUNT, DEMO_EMPLOYEES, INACTIVE_DEMO_BADGE } from '../simulator/employees';
import { startSimulator, type RunningSimulator, type StartSimulatorOptions } from '../simulator/start';
import { createKenjoClient } from './client';
import { KenjoUnavailableError } from './errors';
import type { KenjoClient, KenjoClientOptions, ReadBackEmployee } from './types';

const API_KEY = 'client-test-key';
const [ANA, BEN] = DEMO_EMPLOYEES as [(typeof DEMO_EMPLOYEES)[number], (typeof DEMO_EMPLOYEES)[number]];
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(
  simulatorOptions: StartSimulatorOptions = {},
  clientOptions: Partial<KenjoClientOptions> = {},
): Promise<{ running: RunningSimulator; client: KenjoClient }> {
  const running = await startSimulator({ apiKey: API_KEY, ...simulatorOptions });
  cleanups.push(() => running.close());
  const client = createKenjoClient({ baseUrl: running.baseUrl, apiKey: API_KEY, ...clientOptions });
  cleanups.push(() => client.close());
  return { running, client };
}

function punch(dateTime: string, overrides: { externalId?: string; isOvernightShift?: boolean } = {}) {
  return {
    employee: { externalId: overrides.externalId ?? 'B-1001' },
    dateTime,
    isOvernightShift: overrides.isOvernightShift ?? false,
  };
}

/** Any authenticated call, so that the session holds a token. */
async function logIn(client: KenjoClient): Promise<void> {
  await client.listAttendances('2026-01-01', '2026-01-01');
}

/** A port nothing listens on: bound once by the OS, then released. */
async function refusedBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return `http://127.0.0.1:${address.port}/api/v1`;
}

describe('trackTime outcomes against the simulator', () => {
  it('applies an ordinary punch', async () => {
    const { running, client } = await setup();
    await expect(client.trackTime(punch('2026-02-04T08:00:00'))).resolves.toEqual({ kind: 'applied' });
    expect(running.simulator.log()).toMatchObject([{ employeeId: ANA._id, dateTime: '2026-02-04T08:00:00' }]);
  });

  it("names an unknown employee rejected, with Kenjo's message", async () => {
    const { running, client } = await setup();
    const outcome = await client.trackTime(punch('2026-02-04T08:00:00', { externalId: 'B-0000' }));
    expect(outcome).toEqual({ kind: 'rejected', status: 400, message: 'Employee not found' });
    expect(running.simulator.log()).toEqual([]);
  });

  it.each([
    ['a 5xx before applying', 0, { serverErrorRate: 1 }],
    ['a 5xx after storing', 1, { commitThenFailRate: 1, commitThenFailModes: ['5xx' as const] }],
    [
      'a dropped connection after storing',
      1,
      { commitThenFailRate: 1, commitThenFailModes: ['drop' as const] },
    ],
    [
      'a stall past the timeout after storing',
      1,
      { commitThenFailRate: 1, commitThenFailModes: ['stall' as const], stallMs: 20_000 },
    ],
  ])('names %s unknown (stored %i times)', async (_label, stored, faults) => {
    const { running, client } = await setup({}, { timeoutMs: 500 });
    await logIn(client); // before the faults, which would also hit the login
    running.simulator.setFaults(faults);
    const outcome = await client.trackTime(punch('2026-02-04T08:00:00'));
    expect(outcome.kind).toBe('unknown');
    expect(running.simulator.log()).toHaveLength(stored);
  });

  it('names a 429 not-applied with the wait from Retry-After', async () => {
    const { running, client } = await setup();
    await logIn(client);
    running.simulator.setFaults({ rateLimitRate: 1, retryAfterS: 7 });
    const outcome = await client.trackTime(punch('2026-02-04T08:00:00'));
    expect(outcome).toMatchObject({ kind: 'not-applied', retryAfterMs: 7_000 });
    expect(running.simulator.log()).toEqual([]);
  });

  it('names a refused connection not-applied', async () => {
    const client = createKenjoClient({ baseUrl: await refusedBaseUrl(), apiKey: API_KEY });
    const outcome = await client.trackTime(punch('2026-02-04T08:00:00'));
    expect(outcome).toMatchObject({ kind: 'not-applied', retryAfterMs: null });
    expect(client.stats().lastError).toMatch(/ECONNREFUSED/);
  });

  it('names a refused API key not-applied, and does not log in again at once', async () => {
    const { running } = await setup();
    const client = createKenjoClient({ baseUrl: running.baseUrl, apiKey: 'wrong-key' });
    const first = await client.trackTime(punch('2026-02-04T08:00:00'));
    const second = await client.trackTime(punch('2026-02-04T09:00:00'));
    expect(first).toMatchObject({ kind: 'not-applied', retryAfterMs: null, detail: /refused the API key/ });
    expect(second).toEqual(first);
    expect(client.stats().logins).toBe(1);
    expect(running.simulator.counters().trackTimeCalls).toBe(0);
  });
});

describe('the session', () => {
  it('reuses one token for many calls', async () => {
    const { running, client } = await setup();
    for (const hour of ['08', '09', '10', '11', '12'])
      await client.trackTime(punch(`2026-02-04T${hour}:00:00`));
    await client.countPunchesAt({ userId: ANA._id }, '2026-02-04T08:00:00');
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

describe('reading back', () => {
  const anaRef: ReadBackEmployee = { userId: ANA._id, email: ANA.email, externalId: ANA.externalId };

  it('counts starts, ends and overnight ends of one employee only', async () => {
    const { client } = await setup();
    const punches = [
      punch('2026-02-03T22:00:00'),
      punch('2026-02-04T06:00:00', { isOvernightShift: true }),
      punch('2026-02-04T08:00:00'),
      punch('2026-02-04T12:00:00'),
      punch('2026-02-04T10:00:00', { externalId: BEN.externalId ?? '' }),
    ];
    for (const each of punches) expect(await client.trackTime(each)).toEqual({ kind: 'applied' });
    const counts = await Promise.all(
      ['2026-02-03T22:00:00', '2026-02-04T06:00:00', '2026-02-04T08:00:00', '2026-02-04T12:00:00'].map(
        (dateTime) => client.countPunchesAt(anaRef, dateTime),
      ),
    );
    expect(counts).toEqual([1, 1, 1, 1]);
    expect(await client.countPunchesAt(anaRef, '2026-02-04T10:00:00')).toBe(0);
    expect(await client.countPunchesAt({ userId: BEN._id }, '2026-02-04T10:00:00')).toBe(1);
  });

  it('counts a punch stored twice as two', async () => {
    const { client } = await setup();
    await client.trackTime(punch('2026-02-04T08:00:00'));
    await client.trackTime(punch('2026-02-04T08:00:00'));
    expect(await client.countPunchesAt(anaRef, '2026-02-04T08:00:00')).toBe(2);
  });

  it.each([
    ['Kenjo answers 5xx', { serverErrorRate: 1 }],
    ['Kenjo stalls past the timeout', { latencyMs: 5_000 }],
  ])('throws KenjoUnavailableError when %s', async (_label, faults) => {
    const { running, client } = await setup({}, { timeoutMs: 300 });
    await logIn(client);
    running.simulator.setFaults(faults);
    await expect(client.countPunchesAt(anaRef, '2026-02-04T08:00:00')).rejects.toBeInstanceOf(
      KenjoUnavailableError,
    );
  });

  it('throws KenjoUnavailableError when Kenjo cannot be reached', async () => {
    const client = createKenjoClient({ baseUrl: await refusedBaseUrl(), apiKey: API_KEY });
    await expect(client.countPunchesAt(anaRef, '2026-02-04T08:00:00')).rejects.toBeInstanceOf(
      KenjoUnavailableError,
    );
  });

  it('lists attendances over more than 31 days in pieces', async () => {
    const { client } = await setup();
    await client.trackTime(punch('2026-01-02T08:00:00'));
    await client.trackTime(punch('2026-03-14T08:00:00'));
    const entries = await client.listAttendances('2026-01-01', '2026-03-15');
    expect(entries.map((entry) => entry.startTime).sort()).toEqual([
      '2026-01-02T08:00:00',
      '2026-03-14T08:00:00',
    ]);
  });
});

describe('listEmployees', () => {
  it('joins employees with their names, inactive ones included', async () => {
    const { client } = await setup();
    const employees = await client.listEmployees();
    expect(employees).toHaveLength(DEMO_EMPLOYEE_COUNT);
    expect(employees.find((employee) => employee.userId === ANA._id)).toEqual({
      userId: ANA._id,
      email: ANA.email,
      externalId: ANA.externalId,
      isActive: true,
      displayName: ANA.displayName,
    });
    expect(employees.find((employee) => employee.externalId === INACTIVE_DEMO_BADGE)?.isActive).toBe(false);
  });
});
