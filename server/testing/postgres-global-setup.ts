/**
 * Vitest's global set-up: one throwaway PostgreSQL for the whole run, stopped after it. Test files reach it through
 * `postgres-fixture.ts`; each of them works in a database of its own. Without PostgreSQL on the machine the run goes
 * on and the PostgreSQL tests say how to enable them (in CI they fail instead, see the fixture).
 */
import type { TestProject } from 'vitest/node';
import {
  findPostgresBin,
  POSTGRES_HOW_TO_ENABLE,
  startThrowawayPostgres,
  stopAbandonedServers,
} from './throwaway-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's PostgreSQL (maintenance database), or null when the machine has none. */
    postgresUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const bin = findPostgresBin();
  if (!bin) {
    project.provide('postgresUrl', null);
    console.warn(
      `No PostgreSQL found: the PostgreSQL ledger tests are skipped; to run them, ${POSTGRES_HOW_TO_ENABLE}.`,
    );
    return undefined;
  }
  await stopAbandonedServers(bin);
  const server = await startThrowawayPostgres(bin);
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
