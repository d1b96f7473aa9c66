/** Builders for the console's server tests: an app with a `:memory:` ledger and a settable clock, and punches. */
import Fastify, { type FastifyInstance } from 'fastify';
import type { EmployeeRef } from '../../core/punch';
import { codedReason, reasonText, type ReasonInput } from '../../core/punch-reason';
import { registerAdmin } from '../admin/register-admin';
import { adminGuard } from '../auth/admin-auth';
import { requireKiosk } from '../auth/kiosk-auth';
import type { Config } from '../config';
import { installErrorHandler } from '../http/errors';
import { fastifyTrustProxy } from '../http/trust-proxy';
import type { Ledger, LedgerPunch, LedgerStatus } from '../ledger/ledger';
import { insertPunches } from './ledger-factories';
import { ADMIN_TOKEN, testConfig, testServices, type TestServices } from './routes-harness';

export { ADMIN_TOKEN };
/** 2026-02-04 10:00 in Berlin (UTC+1 in winter). */
export const NOW_MS = Date.parse('2026-02-04T10:00:00+01:00');

export interface TestConsole extends TestServices {
  app: FastifyInstance;
}

/** The admin routes alone (registered as `buildApp` does) on an app whose proxy trust the test chooses. */
export async function buildTestConsole(
  options: { trustProxy?: boolean; config?: Partial<Config> } = {},
): Promise<TestConsole> {
  const parts = testServices(NOW_MS);
  const app = Fastify({ trustProxy: fastifyTrustProxy(options.trustProxy ?? false) });
  installErrorHandler(app);
  const adminAuth = adminGuard(ADMIN_TOKEN);
  const config = testConfig(options.config);
  await registerAdmin(app, {
    config,
    services: parts.services,
    kioskAuth: requireKiosk(parts.services.ledger),
    adminAuth,
  });
  // A stand-in for a state-changing admin endpoint, behind the same guard.
  app.post('/api/v1/admin/test-change', { onRequest: adminAuth }, async () => ({ changed: true }));
  await app.ready();
  return { ...parts, app };
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
  reason?: ReasonInput | null;
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
    reason: spec.reason == null ? null : reasonText(spec.reason),
    reasonCode: codedReason(spec.reason ?? null),
    isOvernightShift:
      spec.isOvernightShift ?? (spec.status === undefined || spec.status === 'sent' ? false : null),
    overnightReason: null,
    overnightReasonCode: null,
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
    insertPunches(ledger, [{ ...p, status: initial, reason: spec.reason ?? null }]);
    if (p.status !== initial) {
      ledger.transition(p.kioskId, p.id, {
        from: ['queued'],
        to: p.status,
        reason: spec.reason ?? null,
        isOvernightShift: p.isOvernightShift,
        deliveredAtMs: p.deliveredAtMs,
        lastError: p.status === 'failed' ? (p.reason ?? 'Employee not found') : null,
      });
    }
    return ledger.getPunch(p.kioskId, p.id) ?? p;
  });
}
