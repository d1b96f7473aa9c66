import { describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEE_COUNT, INACTIVE_DEMO_BADGE } from '../simulator/employees';
import { createKenjoClient } from './client';
import { ANA, API_KEY, logIn, punch, refusedBaseUrl, setup } from '../testing/simulator-fixture';

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
    expect(first).toMatchObject({ kind: 'not-applied', detail: /refused the API key/ });
    expect(first.kind === 'not-applied' && first.retryAfterMs).toBeGreaterThan(4_000);
    expect(second).toMatchObject({
      kind: 'not-applied',
      detail: first.kind === 'not-applied' && first.detail,
    });
    expect(client.stats().logins).toBe(1);
    expect(running.simulator.counters().trackTimeCalls).toBe(0);
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
