/**
 * Counters behind `KenjoClient.stats()`: whether Kenjo answered lately, the last trouble in one sentence, what an
 * operator must fix (a configuration problem), records skipped from the last lists, and answers that were not
 * Kenjo's.
 */
import type { KenjoClientStats, SkippedRecords } from './types';

/** The first wait after a configuration problem; it doubles while the problem stays, up to the maximum. */
export const CONFIGURATION_RETRY_BASE_MS = 5_000;
export const CONFIGURATION_RETRY_MAX_MS = 5 * 60_000;

export class Health {
  logins = 0;
  trackTimeCalls = 0;
  private lastSuccessAtMs: number | null = null;
  private lastError: string | null = null;
  private lastErrorAtMs: number | null = null;
  private unreachableSinceMs: number | null = null;
  private lastRecovery: { atMs: number; unreachableForMs: number } | null = null;
  /** By the call that met it (`/auth/login`, `/employees`, …): fixed when that call succeeds again. */
  private readonly problems = new Map<string, string>();
  private configurationStreak = 0;
  private readonly skippedByList = new Map<string, SkippedRecords[]>();
  private unexpected = { count: 0, last: null as string | null, atMs: null as number | null };

  constructor(
    private readonly now: () => number,
    private readonly configurationRetry = {
      baseMs: CONFIGURATION_RETRY_BASE_MS,
      maxMs: CONFIGURATION_RETRY_MAX_MS,
    },
  ) {}

  /** Kenjo answered (a refusal of one punch still proves it is reachable). */
  succeeded(path?: string): void {
    this.lastSuccessAtMs = this.now();
    if (this.unreachableSinceMs !== null) {
      this.lastRecovery = {
        atMs: this.lastSuccessAtMs,
        unreachableForMs: this.lastSuccessAtMs - this.unreachableSinceMs,
      };
    }
    this.unreachableSinceMs = null;
    if (path !== undefined && this.problems.delete(path) && this.problems.size === 0) {
      this.configurationStreak = 0;
    }
  }

  failed(detail: string): void {
    this.lastError = detail;
    this.lastErrorAtMs = this.now();
    this.unreachableSinceMs ??= this.lastErrorAtMs;
  }

  /** Our own configuration is wrong; returns how long to wait before trying again (growing while it stays). */
  misconfigured(path: string, sentence: string): number {
    this.failed(sentence);
    this.problems.set(path, sentence);
    this.configurationStreak += 1;
    const exponent = Math.min(this.configurationStreak - 1, 16);
    const { baseMs, maxMs } = this.configurationRetry;
    return Math.min(maxMs, baseMs * 2 ** exponent);
  }

  /** What the last read of `list` skipped (an empty array clears it). */
  skipped(list: string, skipped: SkippedRecords[]): void {
    this.skippedByList.set(list, skipped);
  }

  unexpectedAnswer(detail: string): void {
    this.unexpected = { count: this.unexpected.count + 1, last: detail, atMs: this.now() };
  }

  snapshot(): KenjoClientStats {
    return {
      logins: this.logins,
      trackTimeCalls: this.trackTimeCalls,
      lastSuccessAtMs: this.lastSuccessAtMs,
      lastError: this.lastError,
      lastErrorAtMs: this.lastErrorAtMs,
      unreachableSinceMs: this.unreachableSinceMs,
      lastRecovery: this.lastRecovery,
      configurationProblems: [...this.problems.values()],
      skippedRecords: [...this.skippedByList.values()].flat(),
      unexpectedAnswers: { ...this.unexpected },
    };
  }
}
