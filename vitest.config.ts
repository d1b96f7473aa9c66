import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'server/**/*.test.ts', 'src/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One throwaway PostgreSQL per run for the PostgreSQL ledger's tests (skipped, with a sentence, without one).
    globalSetup: ['server/testing/postgres-global-setup.ts'],
  },
});
