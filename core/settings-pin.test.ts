import { describe, expect, it } from 'vitest';
import { lockWithPin, parseSettingsLock, pinOpens, pinProblem } from './settings-pin';

describe('settings PIN', () => {
  it.each([
    ['1234', null],
    ['123456789012', null],
    ['123', 'too-short'],
    ['1234567890123', 'too-long'],
    ['12a4', 'not-digits'],
    [' 1234', 'not-digits'],
  ])('%j → %s', (pin, problem) => {
    expect(pinProblem(pin)).toBe(problem);
  });

  it('opens with the PIN only; the lock holds a salted hash, not the PIN', async () => {
    const lock = await lockWithPin('2468', 1000);
    expect(JSON.stringify(lock)).not.toContain('2468');
    expect(await pinOpens('2468', lock)).toBe(true);
    expect(await pinOpens('2469', lock)).toBe(false);
    expect(await pinOpens('24680', lock)).toBe(false);
    expect(await pinOpens('', lock)).toBe(false);
  });

  it('salts each lock afresh, so one PIN gives different hashes', async () => {
    const [a, b] = await Promise.all([lockWithPin('2468', 1000), lockWithPin('2468', 1000)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('reads back a lock and refuses anything else', async () => {
    const lock = await lockWithPin('2468', 1000);
    expect(parseSettingsLock(JSON.parse(JSON.stringify(lock)))).toEqual(lock);
    expect(parseSettingsLock(null)).toBeNull();
    expect(parseSettingsLock({ ...lock, hash: 'short' })).toBeNull();
    expect(parseSettingsLock({ ...lock, iterations: 0 })).toBeNull();
  });
});
