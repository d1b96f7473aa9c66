import type { KenjoClientStats } from '../kenjo/types';

/** The stats of a Kenjo client that has made no call yet; tests set the fields they play with. */
export function idleKenjoStats(): KenjoClientStats {
  return {
    logins: 0,
    trackTimeCalls: 0,
    lastSuccessAtMs: null,
    lastError: null,
    lastErrorAtMs: null,
    unreachableSinceMs: null,
  };
}
