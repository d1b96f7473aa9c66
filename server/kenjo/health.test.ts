import { describe, expect, it } from 'vitest';
import { Health } from './health';

describe('Health', () => {
  it('dates an outage from its first failure, through later failures, until Kenjo answers again', () => {
    const clock = { nowMs: 1_000 };
    const health = new Health(() => clock.nowMs);
    expect(health.snapshot().unreachableSinceMs).toBeNull();
    health.failed('timeout');
    clock.nowMs = 5_000;
    health.failed('connection refused');
    expect(health.snapshot()).toMatchObject({ unreachableSinceMs: 1_000, lastErrorAtMs: 5_000 });
    expect(health.snapshot().lastRecovery).toBeNull();
    clock.nowMs = 6_500;
    health.succeeded();
    expect(health.snapshot()).toMatchObject({
      unreachableSinceMs: null,
      lastRecovery: { atMs: 6_500, unreachableForMs: 5_500 },
    });
    clock.nowMs = 7_000;
    health.succeeded();
    expect(health.snapshot().lastRecovery).toEqual({ atMs: 6_500, unreachableForMs: 5_500 });
    clock.nowMs = 9_000;
    health.failed('timeout');
    expect(health.snapshot().unreachableSinceMs).toBe(9_000);
  });
});
