import { describe, expect, it } from 'vitest';
import { backoffDelayMs, nextAttemptAt } from './backoff';

const policy = { baseMs: 1000, maxMs: 10_000 };

describe('backoffDelayMs', () => {
  it.each([
    { attempts: 1, random: 0.5, expected: 500 },
    { attempts: 2, random: 0.5, expected: 1000 },
    { attempts: 3, random: 0.5, expected: 2000 },
    { attempts: 4, random: 0.999, expected: 7992 },
    { attempts: 5, random: 0.5, expected: 5000 },
    { attempts: 60, random: 0.5, expected: 5000 },
    { attempts: 0, random: 0.5, expected: 500 },
    { attempts: 3, random: 0, expected: 0 },
  ])('attempt $attempts with random $random waits $expected ms', ({ attempts, random, expected }) => {
    expect(backoffDelayMs(attempts, policy, () => random)).toBe(expected);
  });
});

describe('nextAttemptAt', () => {
  it.each([
    { label: 'backoff', retryAfterMs: null, floorMs: 0, expected: 1500 },
    { label: "Kenjo's Retry-After wins", retryAfterMs: 7000, floorMs: 0, expected: 8000 },
    { label: 'the floor lifts a short backoff', retryAfterMs: null, floorMs: 2000, expected: 3000 },
    { label: 'the floor lifts a short Retry-After', retryAfterMs: 100, floorMs: 2000, expected: 3000 },
  ])('$label', ({ retryAfterMs, floorMs, expected }) => {
    expect(nextAttemptAt(1000, 1, policy, () => 0.5, retryAfterMs, floorMs)).toBe(expected);
  });
});
