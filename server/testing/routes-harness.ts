/**
 * The app in-process for route and ingest tests: a `:memory:` ledger, a fake directory, a replay that counts kicks,
 * a clock the test moves. Requests go through `app.inject`; no port is opened.
 */
import { kenjoStats as emptyKenjoStats } from './kenjo-stats';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';
import type { FastifyBaseLogger, FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { EmployeeRef } from '../../core/punch';
import { buildApp } from '../app';
import { type Config, parseConfig } from '../config';
import type { HttpLimits } from '../http/limits';
import type { DirectoryEmployee, Ledger } from '../ledger/ledger';
import { createProxyMetrics } from '../metrics/proxy-metrics';
import { asyncOf, memoryLedger } from './ledger-factories';
import { KenjoUnavailableError } from '../kenjo/errors';
import type { KenjoAttendance, KenjoClientStats } from '../kenjo/types';
import type { EmployeeResolution, ServiceDirectory, Services } from '../services';
import { employee as directoryEmployee } from './directory-support';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
/** 08:00 in Berlin on a winter day. */
export const T0 = Date.parse('2026-02-04T07:00:00Z');

/** Ada, or whoever the overrides make of her. */
export function employee(overrides: Partial<DirectoryEmployee> = {}): DirectoryEmployee {
  return directoryEmployee({
    userId: 'u-ada',
    email: 'ada@demo.example',
    externalId: 'B-1001',
    displayName: 'Ada',
    ...overrides,
  });
}

export const EMPLOYEES: DirectoryEmployee[] = [
  employee(),
  employee({ userId: 'u-bob', email: 'bob@demo.example', externalId: 'B-1002', displayName: 'Bob' }),
  employee({
    userId: 'u-eve',
    email: 'eve@demo.example',
    externalId: 'B-1003',
    displayName: 'Eve',
    isActive: false,
  }),
];

export interface FakeDirectory extends ServiceDirectory {
  available: boolean;
  list: DirectoryEmployee[];
  /** Change it with `list`: the kiosk directory is cached per fetch time. */
  fetchedAt: number | null;
}

export function fakeDirectory(
  list: DirectoryEmployee[] = EMPLOYEES,
  fetchedAtMs: number | null = T0,
): FakeDirectory {
  const directory: FakeDirectory = {
    available: true,
    list,
    employees: () => directory.list,
    fetchedAt: fetchedAtMs,
    fetchedAtMs: () => directory.fetchedAt,
    resolve(ref: EmployeeRef): EmployeeResolution {
      if (!directory.available) return { kind: 'unavailable', reason: 'the directory is not loaded' };
      const found = directory.list.find(
        (e) =>
          ('externalId' in ref && e.externalId === ref.externalId) ||
          ('email' in ref && e.email === ref.email.toLowerCase()) ||
          ('userId' in ref && e.userId === ref.userId),
      );
      if (!found) return { kind: 'unknown', reason: 'unknown employee' };
      if (!found.isActive)
        return { kind: 'inactive', reason: 'inactive employee: no longer active in Kenjo' };
      return { kind: 'found', userId: found.userId, displayName: found.displayName };
    },
  };
  return directory;
}

export interface Harness {
  app: FastifyInstance;
  ledger: Ledger;
  directory: FakeDirectory;
  kicks: { count: number };
  clock: { nowMs: number };
  config: Config;
  services: Services;
  kenjoStats: KenjoClientStats;
  /** What Kenjo's attendance listing answers; `null` makes it throw as an unreachable Kenjo does. */
  kenjoEntries: { list: KenjoAttendance[] | null };
  close(): Promise<void>;
}

export type TestServices = Pick<
  Harness,
  'ledger' | 'directory' | 'kicks' | 'clock' | 'services' | 'kenjoStats' | 'kenjoEntries'
>;

/** The config of the tests: demo mode, Berlin, the test admin token; overrides win. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...parseConfig({ TIME_ZONE: 'Europe/Berlin', ADMIN_TOKEN }), ...overrides };
}

/** A `:memory:` ledger, a fake directory, a replay that counts kicks, Kenjo's counters and a clock at `nowMs`. */
export function testServices(nowMs = T0): TestServices {
  const ledger = memoryLedger();
  const directory = fakeDirectory();
  const kicks = { count: 0 };
  const clock = { nowMs };
  const kenjoStats: KenjoClientStats = emptyKenjoStats();
  const kenjoEntries: { list: KenjoAttendance[] | null } = { list: [] };
  const now = () => clock.nowMs;
  const services: Services = {
    ledger: asyncOf(ledger),
    directory,
    kenjo: {
      stats: () => ({ ...kenjoStats }),
      listAttendances: async () => {
        if (kenjoEntries.list === null) throw new KenjoUnavailableError('Kenjo did not answer');
        return { entries: kenjoEntries.list, skipped: 0, firstProblem: null };
      },
    },
    metrics: createProxyMetrics({ ledger: asyncOf(ledger), kenjoStats: () => ({ ...kenjoStats }), now }),
    replay: { kick: () => void (kicks.count += 1) },
    now,
  };
  return { ledger, directory, kicks, clock, services, kenjoStats, kenjoEntries };
}

export async function createHarness(
  overrides: Partial<Config> = {},
  distDir = '/nonexistent',
  loggerInstance?: FastifyBaseLogger,
  limits?: HttpLimits,
): Promise<Harness> {
  const config = testConfig(overrides);
  const parts = testServices();
  const { services, ledger } = parts;
  const app = await buildApp({
    config,
    services,
    distDir,
    ...(loggerInstance ? { loggerInstance } : {}),
    ...(limits ? { limits } : {}),
  });
  return {
    ...parts,
    app,
    config,
    close: async () => {
      await app.close();
      ledger.close();
    },
  };
}

export const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}` };

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

export async function createKiosk(h: Harness, body: Record<string, unknown> = { name: 'Front door' }) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/admin/kiosks',
    headers: adminHeaders,
    payload: body,
  });
  if (res.statusCode !== 201) throw new Error(`kiosk not created: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; token: string; pairingCode: string }>();
}

export type CreatedKiosk = Awaited<ReturnType<typeof createKiosk>>;

/**
 * A fresh harness with one kiosk for every test of the file, closed after it: `use` receives both before each test
 * (`withHarness((made) => ({ h, kiosk } = made))`).
 */
export function withHarness(use: (made: { h: Harness; kiosk: CreatedKiosk }) => void): void {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await createHarness();
    use({ h: current, kiosk: await createKiosk(current) });
  });
  afterEach(() => current?.close());
}

export function punch(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    employee: { externalId: 'B-1001' },
    at: '2026-02-04T08:00:00+01:00',
    ...overrides,
  };
}

export function postPunches(
  h: Harness,
  token: string,
  punches: unknown[],
  sentAt = new Date(h.clock.nowMs).toISOString(),
) {
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/punches',
    headers: bearer(token),
    payload: { sentAt, punches },
  });
}

/** The contract's error body, with its status. */
export function errorOf(res: LightMyRequestResponse) {
  return {
    status: res.statusCode,
    code: res.json<{ error: { code: string; message: string } }>().error.code,
  };
}
