/**
 * Test fixture shared by the client's tests against the real simulator: a simulator on an ephemeral port and a
 * client for it, both closed after each test, plus small factories.
 */
import { createServer } from 'node:net';
import { afterEach } from 'vitest';
import { DEMO_EMPLOYEES } from '../simulator/employees';
import { startSimulator, type RunningSimulator, type StartSimulatorOptions } from '../simulator/start';
import { createKenjoClient } from '../kenjo/client';
import type { KenjoClient, KenjoClientOptions, TrackTimeRequest } from '../kenjo/types';

export const API_KEY = 'client-test-key';
export const [ANA, BEN] = DEMO_EMPLOYEES as [
  (typeof DEMO_EMPLOYEES)[number],
  (typeof DEMO_EMPLOYEES)[number],
];
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export async function setup(
  simulatorOptions: StartSimulatorOptions = {},
  clientOptions: Partial<KenjoClientOptions> = {},
): Promise<{ running: RunningSimulator; client: KenjoClient }> {
  const running = await startSimulator({ apiKey: API_KEY, ...simulatorOptions });
  cleanups.push(() => running.close());
  const client = createKenjoClient({ baseUrl: running.baseUrl, apiKey: API_KEY, ...clientOptions });
  cleanups.push(() => client.close());
  return { running, client };
}

/** Ana's punch unless another badge is named. */
export function punch(
  dateTime: string,
  overrides: { externalId?: string; isOvernightShift?: boolean } = {},
): TrackTimeRequest {
  return {
    employee: { externalId: overrides.externalId ?? 'B-1001' },
    dateTime,
    isOvernightShift: overrides.isOvernightShift ?? false,
  };
}

/** Any authenticated call, so that the session holds a token before faults are switched on. */
export async function logIn(client: KenjoClient): Promise<void> {
  await client.listAttendances('2026-01-01', '2026-01-01');
}

/** A port nothing listens on: bound once by the OS, then released. */
export async function refusedBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return `http://127.0.0.1:${address.port}/api/v1`;
}
