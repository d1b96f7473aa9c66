/**
 * Opt-in checks against a real Kenjo sandbox. Run with
 *   KENJO_SANDBOX_URL=https://sandbox-api.kenjo.io/api/v1 KENJO_SANDBOX_API_KEY=... npx vitest run server/kenjo/real-kenjo
 * Reads only, unless KENJO_SANDBOX_ALLOW_WRITES=1: then it also punches one employee (KENJO_SANDBOX_EMPLOYEE_EMAIL,
 * or the first active one) in and out, one minute apart, today, and reads both punches back.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createKenjoClient } from './client';
import { judgeReadBack } from './entry-readings';
import type { KenjoEmployee } from './types';

const baseUrl = process.env['KENJO_SANDBOX_URL'] ?? '';
const apiKey = process.env['KENJO_SANDBOX_API_KEY'] ?? '';
const allowWrites = process.env['KENJO_SANDBOX_ALLOW_WRITES'] === '1';
const chosenEmail = process.env['KENJO_SANDBOX_EMPLOYEE_EMAIL'];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

describe.skipIf(baseUrl === '' || apiKey === '')('a real Kenjo sandbox', () => {
  const client = createKenjoClient({ baseUrl, apiKey, timeoutMs: 20_000 });
  let employees: KenjoEmployee[] = [];

  afterAll(() => client.close());

  it('logs in and lists employees with their names', async () => {
    employees = await client.listEmployees();
    expect(employees.length).toBeGreaterThan(0);
    for (const employee of employees) {
      expect(employee.userId).not.toBe('');
      expect(employee.displayName).not.toBe('');
    }
    expect(client.stats().logins).toBe(1);
  });

  it('reads attendances back', async () => {
    const list = await client.listAttendances(today(), today());
    expect(list.skipped).toBe(0);
  });

  it.skipIf(!allowWrites)('punches in and out and finds both punches', async () => {
    const employee = employees.find(
      (e) => e.isActive && (chosenEmail === undefined || e.email === chosenEmail),
    );
    if (!employee) throw new Error('No active employee to punch (check KENJO_SANDBOX_EMPLOYEE_EMAIL).');
    // A minute early in the morning that is unlikely to hold a real punch already.
    const minute = String(10 + Math.floor(Math.random() * 40));
    const start = `${today()}T03:${minute}:00`;
    const end = `${today()}T03:${minute}:30`;
    expect(
      await client.trackTime({
        employee: { userId: employee.userId },
        dateTime: start,
        isOvernightShift: false,
      }),
    ).toEqual({ kind: 'applied' });
    expect(
      await client.trackTime({
        employee: { userId: employee.userId },
        dateTime: end,
        isOvernightShift: false,
      }),
    ).toEqual({ kind: 'applied' });
    // Known to be applied: the start. The read-back must then find the end, however Kenjo writes its times.
    const { entries } = await client.listAttendances(today(), today());
    const atMs = (wall: string) => Date.parse(`${wall}Z`);
    const verdict = judgeReadBack(entries, {
      employee,
      punch: { dateTime: end, atMs: atMs(end) },
      known: [{ employee, dateTime: start, atMs: atMs(start) }],
      learned: null,
    }).verdict;
    expect(verdict.kind).toBe('present');
  });
});
