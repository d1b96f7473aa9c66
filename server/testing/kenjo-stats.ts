import type { KenjoClientStats } from '../kenjo/types';

/** A Kenjo client's stats before any call, with the given changes. */
export function kenjoStats(overrides: Partial<KenjoClientStats> = {}): KenjoClientStats {
  return {
    logins: 0,
    trackTimeCalls: 0,
    lastSuccessAtMs: null,
    lastError: null,
    lastErrorAtMs: null,
    unreachableSinceMs: null,
    lastRecovery: null,
    configurationProblems: [],
    skippedRecords: [],
    unexpectedAnswers: { count: 0, last: null, atMs: null },
    ...overrides,
  };
}
