/**
 * What the end-to-end tests ask the real server (admin API, bearer token) and its embedded Kenjo simulator (on
 * E2E_SIMULATOR_PORT, which playwright.config.ts always sets): the ground-truth log of applied track-time calls,
 * and what Kenjo itself says of an employee.
 */
import type { APIRequestContext } from '@playwright/test';
import { DEMO_EMPLOYEES } from '../../server/simulator/employees';
import { E2E_ADMIN_TOKEN } from './admin-token';

const admin = { authorization: `Bearer ${E2E_ADMIN_TOKEN}` };

export interface CreatedKiosk {
  id: string;
  token: string;
  pairingCode: string;
}

export interface LedgerPunch {
  id: string;
  kioskId: string;
  employee: { externalId?: string; email?: string; userId?: string };
  at: string;
  status: string;
  reason: string | null;
}

export interface SimulatorLogEntry {
  employeeId: string;
  dateTime: string;
}

export async function createKiosk(request: APIRequestContext, name: string): Promise<CreatedKiosk> {
  const response = await request.post('/api/v1/admin/kiosks', {
    headers: admin,
    data: { name, timeZone: 'Europe/Berlin' },
  });
  if (response.status() !== 201) throw new Error(`creating a kiosk answered ${response.status()}`);
  return (await response.json()) as CreatedKiosk;
}

export async function revokeKiosk(request: APIRequestContext, kioskId: string): Promise<void> {
  const response = await request.post(`/api/v1/admin/kiosks/${kioskId}/revoke`, { headers: admin });
  if (!response.ok()) throw new Error(`revoking a kiosk answered ${response.status()}`);
}

/** Every punch the proxy holds from this kiosk, any status. */
export async function ledgerPunches(request: APIRequestContext, kioskId: string): Promise<LedgerPunch[]> {
  const response = await request.get('/api/v1/admin/punches', {
    headers: admin,
    params: { kioskId, limit: 500 },
  });
  return ((await response.json()) as { punches: LedgerPunch[] }).punches;
}

/** Where the e2e server's embedded simulator listens (serve.ts binds it to E2E_SIMULATOR_PORT). */
export function simulatorControlsUrl(): string {
  const port = process.env.E2E_SIMULATOR_PORT;
  if (!port || port === '0') {
    throw new Error('E2E_SIMULATOR_PORT is not set: run the end-to-end tests through playwright.config.ts');
  }
  return `http://127.0.0.1:${port}/__simulator`;
}

/** Every track-time call the simulator applied, in order. */
export async function simulatorLog(request: APIRequestContext): Promise<SimulatorLogEntry[]> {
  const response = await request.get(`${simulatorControlsUrl()}/log`);
  if (!response.ok()) throw new Error(`the simulator's log answered ${response.status()}`);
  return (await response.json()) as SimulatorLogEntry[];
}

/**
 * Makes Kenjo itself (not the proxy's cached directory) refuse or take a demo employee, named by badge, email or
 * Kenjo id. The server is shared by every test of a run, so a test that deactivates someone reactivates them.
 */
export async function setKenjoEmployeeActive(
  request: APIRequestContext,
  ref: string,
  isActive: boolean,
): Promise<void> {
  const response = await request.patch(`${simulatorControlsUrl()}/employees/${encodeURIComponent(ref)}`, {
    data: { isActive },
  });
  if (!response.ok()) throw new Error(`setting ${ref} isActive=${isActive} answered ${response.status()}`);
}

/** The Kenjo id of a demo employee named by badge or email. */
export function kenjoIdOf(identifier: string): string {
  const employee = DEMO_EMPLOYEES.find((e) => e.externalId === identifier || e.email === identifier);
  if (!employee) throw new Error(`${identifier} is not a demo employee`);
  return employee._id;
}

/** How many times Kenjo (the simulator) applied a punch for each of these demo employees, named by badge or email. */
export async function kenjoDeliveries(
  request: APIRequestContext,
  identifiers: readonly string[],
): Promise<Record<string, number>> {
  const log = await simulatorLog(request);
  return Object.fromEntries(
    identifiers.map((identifier) => {
      const id = kenjoIdOf(identifier);
      return [identifier, log.filter((entry) => entry.employeeId === id).length];
    }),
  );
}

/** The identifier a ledger punch was made with, `B-1001` or `a@b.c`. */
export function identifierOf(punch: LedgerPunch): string {
  return punch.employee.externalId ?? punch.employee.email ?? punch.employee.userId ?? '';
}
