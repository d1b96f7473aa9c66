/** Builders for the console's server tests: an app with a `:memory:` ledger and a settable clock, and punches. */
import Fastify, { type FastifyInstance } from 'fastify';
import type { EmployeeRef } from '../../core/punch';
import { installErrorHandler } from '../http/errors';
import type { Ledger, LedgerPunch, LedgerStatus } from '../ledger/ledger';
import { openSqliteLedger } from '../ledger/sqlite-ledger';
import { insertPunches } from './ledger-factories';
import { createAdminGuard } from '../admin/admin-guard';
import { registerAdminConsole } from '../admin/register-admin-console';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
/** 2026-02-04 10:00 in Berlin (UTC+1 in winter). */
export const NOW_MS = Date.parse('2026-02-04T10:00:00+01:00');

export interface TestConsole {
  app: FastifyInstance;
  ledger: Ledger;
  clock: { nowMs: number };
}

export async function buildTestConsole(options: { trustProxy?: boolean } = {}): Promise<TestConsole> {
  const ledger = openSqliteLedger(':memory:');
  const clock = { nowMs: NOW_MS };
  const app = Fastify({ trustProxy: options.trustProxy ?? false });
  installErrorHandler(app);
  await registerAdminConsole(app, {
    ledger,
    config: { demoMode: true, MAX_SHIFT_HOURS: 16, ADMIN_TOKEN },
    now: () => clock.nowMs,
  });
  // A stand-in for a state-changing admin endpoint of the proxy, guarded as they are.
  app.post('/api/v1/admin/test-change', { preHandler: createAdminGuard(() => ADMIN_TOKEN) }, async () => ({
    changed: true,
  }));
  await app.ready();
  return { app, ledger, clock };
}

/** Signs in and returns the cookie header and CSRF token. */
export async function signIn(app: FastifyInstance): Promise<{ cookie: string; csrfToken: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/session',
    payload: { token: ADMIN_TOKEN },
  });
  const session = response.cookies.find((c) => c.name === 'kiosk_admin_session');
  if (!session) throw new Error(`sign-in set no cookie (${response.statusCode})`);
  return {
    cookie: `${session.name}=${session.value}`,
    csrfToken: response.json<{ csrfToken: string }>().csrfToken,
  };
}

let counter = 0;

export interface PunchSpec {
  /** Berlin wall time `YYYY-MM-DDThh:mm:ss` (winter, UTC+1). */
  wall: string;
  employeeKey?: string | null;
  employee?: EmployeeRef;
  kioskId?: string;
  status?: LedgerStatus;
  isOvernightShift?: boolean | null;
  reason?: string | null;
}

export function ledgerPunch(spec: PunchSpec): LedgerPunch {
  counter += 1;
  const atMs = Date.parse(`${spec.wall}+01:00`);
  return {
    seq: counter,
    kioskId: spec.kioskId ?? 'kiosk-1',
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    employee: spec.employee ?? { externalId: `B-${spec.employeeKey ?? 'x'}` },
    employeeKey: spec.employeeKey === undefined ? 'emp-1' : spec.employeeKey,
    at: new Date(atMs).toISOString(),
    atMs,
    timeZone: 'Europe/Berlin',
    kenjoDateTime: spec.wall,
    status: spec.status ?? 'sent',
    reason: spec.reason ?? null,
    isOvernightShift:
      spec.isOvernightShift ?? (spec.status === undefined || spec.status === 'sent' ? false : null),
    overnightReason: null,
    attempts: spec.status === undefined || spec.status === 'sent' ? 1 : 0,
    lastError: null,
    nextAttemptAtMs: null,
    receivedAtMs: atMs + 1000,
    deliveredAtMs: spec.status === undefined || spec.status === 'sent' ? atMs + 2000 : null,
  };
}

/** Stores the punches in the ledger, moving each to its status through the ledger's own transitions. */
export function storePunches(ledger: Ledger, specs: readonly PunchSpec[]): LedgerPunch[] {
  return specs.map((spec) => {
    const p = ledgerPunch(spec);
    const initial = p.status === 'ignored' || p.status === 'rejected' ? p.status : 'queued';
    insertPunches(ledger, [{ ...p, status: initial }]);
    if (p.status !== initial) {
      ledger.transition(p.kioskId, p.id, {
        from: ['queued'],
        to: p.status,
        reason: p.reason,
        isOvernightShift: p.isOvernightShift,
        deliveredAtMs: p.deliveredAtMs,
        lastError: p.status === 'failed' ? (p.reason ?? 'Employee not found') : null,
      });
    }
    return ledger.getPunch(p.kioskId, p.id) ?? p;
  });
}
