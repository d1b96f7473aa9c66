/**
 * What the kiosk tests ask the real server (admin API, bearer token) and, when E2E_SIMULATOR_PORT is set, the
 * embedded Kenjo simulator's ground-truth log of applied track-time calls.
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

const simulatorPort = process.env.E2E_SIMULATOR_PORT;

/** The simulator's log, or `null` when the simulator's port is not known to the tests. */
export async function simulatorLog(request: APIRequestContext): Promise<SimulatorLogEntry[] | null> {
  if (!simulatorPort || simulatorPort === '0') return null;
  const response = await request.get(`http://127.0.0.1:${simulatorPort}/__simulator/log`);
  return (await response.json()) as SimulatorLogEntry[];
}

/**
 * How many times Kenjo (the simulator) applied a punch for each of these demo employees, named by badge or email;
 * `null` when the simulator's port is not known to the tests.
 */
export async function kenjoDeliveries(
  request: APIRequestContext,
  identifiers: readonly string[],
): Promise<Record<string, number> | null> {
  const log = await simulatorLog(request);
  if (!log) return null;
  const counts: Record<string, number> = {};
  for (const identifier of identifiers) {
    const employee = DEMO_EMPLOYEES.find((e) => e.externalId === identifier || e.email === identifier);
    counts[identifier] = log.filter((entry) => entry.employeeId === employee?._id).length;
  }
  return counts;
}

/** The identifier a ledger punch was made with, `B-1001` or `a@b.c`. */
export function identifierOf(punch: LedgerPunch): string {
  return punch.employee.externalId ?? punch.employee.email ?? punch.employee.userId ?? '';
}
