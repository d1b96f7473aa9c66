import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Faults } from '../simulator/faults';
import { API_KEY, punch, setup } from '../testing/simulator-fixture';
import { runPreflight } from './preflight';

const NOW_MS = Date.parse('2026-02-05T12:00:00Z');
const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** A tenant with a day shift, an open entry and an overnight shift, then the check with `faults` switched on. */
async function check(faults: Partial<Faults>) {
  const { running, client } = await setup({ clock: () => NOW_MS });
  for (const [at, overnight] of [
    ['2026-02-03T08:00:00', false],
    ['2026-02-03T16:30:15', false],
    ['2026-02-03T22:00:00', false],
    ['2026-02-04T06:00:00', true],
    ['2026-02-05T08:00:00', false],
  ] as const) {
    await client.trackTime(punch(at, { isOvernightShift: overnight }));
  }
  const before = { log: running.simulator.log(), state: running.simulator.state() };
  const calls = running.simulator.counters().trackTimeCalls;
  running.simulator.setFaults(faults);
  const lines: string[] = [];
  const exit = await runPreflight({
    baseUrl: running.baseUrl,
    apiKey: API_KEY,
    now: () => NOW_MS,
    timeoutMs: 2_000,
    print: (line) => lines.push(line),
  });
  // Read-only: no track-time call, nothing stored or changed.
  expect(running.simulator.counters().trackTimeCalls).toBe(calls);
  expect({ log: running.simulator.log(), state: running.simulator.state() }).toEqual(before);
  return { exit, text: lines.join('\n'), running };
}

describe('kenjo:check', () => {
  // The last five employees lose identifiers; the last of them is the one inactive employee, so two of each remain.
  it('reports a usable tenant: token lifetime, employees, what entries look like', async () => {
    const { exit, text } = await check({ employeesWithoutIdentifiers: true, malformedEmployees: true });
    expect(exit).toBe(0);
    expect(text).toMatch(/✓ login: token valid for 48\.0 h/);
    expect(text).toMatch(/✓ employees: 300 \(299 active\), one list/);
    expect(text).toMatch(/active without externalId \(badge\): 2; without email: 2/);
    expect(text).toMatch(/2 employees skipped: no identifier/);
    expect(text).toMatch(/3 entries; 1 open \(no endTime\); 1 ending on a later day/);
    expect(text).toMatch(/seconds kept: 1 of 5 times/);
    expect(text).toMatch(/USABLE/);
  });

  it('reports paging', async () => {
    const { exit, text } = await check({ employeePageSize: 25 });
    expect(exit).toBe(0);
    expect(text).toMatch(/✓ employees: 300 \(299 active\), 12 pages/);
  });

  it.each([
    ['403 on every call', { refuseAllWith: 403 as const }, /refused the API key \(403/],
    ['403 after login', { refuseAllWith: 403 as const, refuseLogin: false }, /403 to \/employees.*no access/],
    ['404 on every call', { refuseAllWith: 404 as const }, /KENJO_API_URL/],
    ['a gateway HTML 502', { htmlGatewayErrors: true, serverErrorRate: 1 }, /502/],
  ])('%s: not usable, with the reason', async (_label, faults, reason) => {
    const { exit, text } = await check(faults);
    expect(exit).toBe(1);
    expect(text).toMatch(reason);
    expect(text).toMatch(/NOT USABLE/);
  });

  it.each([
    [0, {}],
    [1, { refuseAllWith: 404 as const }],
  ])('the command exits %i', async (code, faults) => {
    const { running } = await check(faults);
    const run = promisify(execFile)('node_modules/.bin/tsx', ['scripts/kenjo-check.ts'], {
      cwd: REPO,
      env: { ...process.env, KENJO_API_URL: running.baseUrl, KENJO_API_KEY: API_KEY },
    });
    if (code === 0) await expect(run).resolves.toMatchObject({ stdout: expect.stringMatching(/^USABLE/m) });
    else await expect(run).rejects.toMatchObject({ code, stdout: expect.stringMatching(/NOT USABLE/) });
  });

  it('the command exits 2, asking nothing of anyone, when a variable is missing', async () => {
    const { KENJO_API_URL: _url, KENJO_API_KEY: _key, ...env } = process.env;
    const run = promisify(execFile)('node_modules/.bin/tsx', ['scripts/kenjo-check.ts'], {
      cwd: REPO,
      env: { ...env, KENJO_API_URL: 'http://127.0.0.1:9/api/v1' },
    });
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/KENJO_API_KEY/) });
  });
});
