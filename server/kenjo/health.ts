/** Counters behind `KenjoClient.stats()`: whether Kenjo answered lately, and the last trouble in one sentence. */
import type { KenjoClientStats } from './types';

export class Health {
  logins = 0;
  trackTimeCalls = 0;
  private lastSuccessAtMs: number | null = null;
  private lastError: string | null = null;
  private lastErrorAtMs: number | null = null;
  private unreachableSinceMs: number | null = null;

  constructor(private readonly now: () => number) {}

  /** Kenjo answered (a refusal of one punch still proves it is reachable). */
  succeeded(): void {
    this.lastSuccessAtMs = this.now();
    this.unreachableSinceMs = null;
  }

  failed(detail: string): void {
    this.lastError = detail;
    this.lastErrorAtMs = this.now();
    this.unreachableSinceMs ??= this.lastErrorAtMs;
  }

  snapshot(): KenjoClientStats {
    return {
      logins: this.logins,
      trackTimeCalls: this.trackTimeCalls,
      lastSuccessAtMs: this.lastSuccessAtMs,
      lastError: this.lastError,
      lastErrorAtMs: this.lastErrorAtMs,
      unreachableSinceMs: this.unreachableSinceMs,
    };
  }
}
