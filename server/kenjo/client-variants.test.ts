/**
 * The client against every variant of Kenjo's answers the simulator offers: the lists it reads, the punches it
 * sends and how it names each outcome.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEE_COUNT, DEMO_EMPLOYEES, INACTIVE_DEMO_BADGE } from '../simulator/employees';
import { EMPLOYEES_WITHOUT_IDENTIFIERS, MALFORMED_EMPLOYEE_RECORDS } from '../simulator/employee-variants';
import type { Faults } from '../simulator/faults';
import { logIn, punch, setup } from '../testing/simulator-fixture';

const LIST_VARIANTS: Array<[string, Partial<Faults>]> = [
  ['the published shape', {}],
  ['isActive as a string', { isActiveAsString: true }],
  ['employees without email or externalId', { employeesWithoutIdentifiers: true }],
  ['unusable records', { malformedEmployees: true }],
  ['pages of 25', { employeePageSize: 25 }],
  ['pages of 100', { employeePageSize: 100 }],
  [
    'all of them at once',
    {
      isActiveAsString: true,
      employeesWithoutIdentifiers: true,
      malformedEmployees: true,
      employeePageSize: 50,
    },
  ],
];

describe.each(LIST_VARIANTS)('with %s', (_label, faults) => {
  it('lists every usable employee once, with the right status, and counts what it skipped', async () => {
    const { client } = await setup({ faults });
    const employees = await client.listEmployees();
    expect(employees).toHaveLength(DEMO_EMPLOYEE_COUNT);
    expect(new Set(employees.map((e) => e.userId)).size).toBe(DEMO_EMPLOYEE_COUNT);
    const inactive = employees.filter((e) => !e.isActive);
    expect(inactive.map((e) => e.userId)).toEqual([
      DEMO_EMPLOYEES.find((e) => e.externalId === INACTIVE_DEMO_BADGE)?._id,
    ]);
    const withoutEmail = employees.filter((e) => e.email === null).length;
    const withoutBadge = employees.filter((e) => e.externalId === null).length;
    expect([withoutEmail, withoutBadge]).toEqual(faults.employeesWithoutIdentifiers ? [3, 3] : [0, 0]);
    expect(employees.every((e) => e.displayName !== '')).toBe(true);
    const skipped = faults.malformedEmployees
      ? [{ list: 'employees', reason: 'no identifier', count: MALFORMED_EMPLOYEE_RECORDS }]
      : [];
    expect(client.stats().skippedRecords).toEqual(skipped);
  });

  it('applies punches with and without the overnight flag, sending the flag only when true', async () => {
    const { running, client } = await setup({ faults });
    expect(await client.trackTime(punch('2026-02-03T22:00:00'))).toEqual({ kind: 'applied' });
    const overnight = punch('2026-02-04T06:00:00', { isOvernightShift: true });
    expect(await client.trackTime(overnight)).toEqual({ kind: 'applied' });
    expect(running.simulator.log().map((e) => [e.dateTime, e.isOvernightShift, e.appliedAs])).toEqual([
      ['2026-02-03T22:00:00', false, 'ordinary'],
      ['2026-02-04T06:00:00', true, 'overnight-close'],
    ]);
  });
});

it('a list of skipped reasons reaches the stats, and a clean list clears them', async () => {
  const { running, client } = await setup({ faults: { malformedEmployees: true } });
  await client.listEmployees();
  expect(client.stats().skippedRecords).toHaveLength(1);
  running.simulator.setFaults({ malformedEmployees: false });
  await client.listEmployees();
  expect(client.stats().skippedRecords).toEqual([]);
  expect(EMPLOYEES_WITHOUT_IDENTIFIERS).toBe(5);
});

describe('answers that are not Kenjo', () => {
  it('a gateway HTML 502 is unknown on track-time and unavailable on lists', async () => {
    const { running, client } = await setup({}, { timeoutMs: 2_000 });
    await logIn(client);
    running.simulator.setFaults({ htmlGatewayErrors: true, serverErrorRate: 1 });
    expect(await client.trackTime(punch('2026-02-04T08:00:00'))).toMatchObject({
      kind: 'unknown',
      detail: /502.*Bad Gateway/,
    });
    await expect(client.listEmployees()).rejects.toThrow(/answered 502/);
    expect(client.stats().configurationProblems).toEqual([]);
  });

  it("a captive portal's 200 page is unknown, counted as unexpected, never applied", async () => {
    const { running, client } = await setup();
    await logIn(client);
    running.simulator.setFaults({ captivePortalRate: 1 });
    const outcome = await client.trackTime(punch('2026-02-04T08:00:00'));
    expect(outcome).toMatchObject({ kind: 'unknown', unexpected: true, detail: /200 with a page/ });
    expect(client.stats().unexpectedAnswers).toMatchObject({ count: 1, last: /not the echo/ });
    expect(running.simulator.log()).toEqual([]);
  });

  it.each([
    ['403 on every call', { refuseAllWith: 403 as const }, /refused the API key \(403/],
    ['403 after the login', { refuseAllWith: 403 as const, refuseLogin: false }, /no access/],
    ['404 on every call', { refuseAllWith: 404 as const }, /KENJO_API_URL/],
    ['404 after the login', { refuseAllWith: 404 as const, refuseLogin: false }, /KENJO_API_URL/],
  ])('%s: not applied, a wait, and a sentence that says what to fix', async (_label, faults, sentence) => {
    const { running, client } = await setup({ faults });
    const outcome = await client.trackTime(punch('2026-02-04T08:00:00'));
    expect(outcome).toMatchObject({
      kind: 'not-applied',
      retryAfterMs: expect.any(Number),
      detail: sentence,
    });
    expect(outcome.kind === 'not-applied' && outcome.retryAfterMs).toBeGreaterThan(0);
    await expect(client.listEmployees()).rejects.toThrow();
    expect(client.stats().configurationProblems.join(' ')).toMatch(sentence);
    expect(running.simulator.log()).toEqual([]);
    running.simulator.setFaults({ refuseAllWith: 0 });
  });

  it('a wrong key answered with 400 is a refused key', async () => {
    const { running } = await setup({ faults: { wrongKeyStatus: 400 } });
    const { createKenjoClient } = await import('./client');
    const client = createKenjoClient({ baseUrl: running.baseUrl, apiKey: 'wrong' });
    const outcome = await client.trackTime(punch('2026-02-04T08:00:00'));
    expect(outcome).toMatchObject({
      kind: 'not-applied',
      detail: /refused the API key \(400.*KENJO_API_KEY/,
    });
    expect(client.stats().configurationProblems).toHaveLength(1);
  });
});
