import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../testing/harness';
import {
  createEmployeeLeases,
  LEASE_MARGIN_MS,
  LEASE_RENEW_WITHIN_MS,
  LEASE_TTL_MS,
} from './employee-leases';

/** A ledger whose claims another instance already holds for `taken`; it records what is asked of it. */
function ledgerWith(taken: readonly string[], shared = true) {
  const claims: string[][] = [];
  const released: string[][] = [];
  return {
    claims,
    released,
    claimEmployees: async (_owner: string, keys: readonly string[]) => {
      claims.push([...keys]);
      return new Set(keys.filter((key) => !taken.includes(key)));
    },
    releaseEmployees: async (_owner: string, keys: readonly string[]) => void released.push([...keys]),
    claimsShared: async () => shared,
  };
}

const LONGEST_CALL_MS = 40_000;

describe("an instance's claims on employees", () => {
  it('holds what it was granted until shortly before the claim lapses, and asks again for the wanted ones', async () => {
    const clock = { ms: 1_000_000 };
    const ledger = ledgerWith([]);
    const leases = createEmployeeLeases(ledger, () => clock.ms, memoryLogger(), LONGEST_CALL_MS);
    leases.want('u3');
    expect(leases.pending()).toBe(true);
    await leases.renew(['u2'], ['u1']);
    expect(ledger.claims).toEqual([['u1', 'u2', 'u3']]);
    expect(leases.pending()).toBe(false);
    expect(['u1', 'u2', 'u3'].map((key) => leases.held(key))).toEqual([true, true, true]);
    clock.ms += LEASE_TTL_MS - 1_000;
    expect(leases.held('u1')).toBe(false);
  });

  it('asks the database again only for holds that near their end, and keeps holding meanwhile', async () => {
    const clock = { ms: 1_000_000 };
    const ledger = ledgerWith([]);
    const leases = createEmployeeLeases(ledger, () => clock.ms, memoryLogger(), LONGEST_CALL_MS);
    await leases.renew(['u1'], []);
    clock.ms += LEASE_TTL_MS - LEASE_MARGIN_MS - LEASE_RENEW_WITHIN_MS - 1;
    await leases.renew(['u1'], ['u2']);
    expect(ledger.claims).toEqual([['u1'], ['u2']]);
    clock.ms += 2;
    await leases.renew(['u1'], ['u2']);
    expect(ledger.claims).toEqual([['u1'], ['u2'], ['u1']]);
    clock.ms += LEASE_TTL_MS - LEASE_MARGIN_MS - 1;
    expect([leases.held('u1'), leases.held('u2')]).toEqual([true, false]);
  });

  it('tells the busy employees another instance took over from the wanted ones it holds', async () => {
    const logger = memoryLogger();
    const leases = createEmployeeLeases(ledgerWith(['u1', 'u2']), () => 0, logger, LONGEST_CALL_MS);
    expect(await leases.renew(['u1', 'u3'], ['u2', 'u4'])).toEqual({ lost: ['u1'], refused: ['u2'] });
    expect([leases.held('u1'), leases.held('u2'), leases.held('u3'), leases.held('u4')]).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(logger.lines.map((line) => line.level)).toEqual(['warn']);
  });

  it('gives up everything it holds on release, and asks nothing when it holds nothing', async () => {
    const ledger = ledgerWith([]);
    const leases = createEmployeeLeases(ledger, () => 0, memoryLogger(), LONGEST_CALL_MS);
    await leases.release();
    await leases.renew([], []);
    expect([ledger.claims, ledger.released]).toEqual([[], []]);
    await leases.renew(['u1'], ['u2']);
    await leases.release();
    expect(ledger.released).toEqual([['u1', 'u2']]);
    expect(leases.held('u1')).toBe(false);
  });

  it("dates another instance's calls from this one's claim, kept while renewed, started over after a lapse", async () => {
    const clock = { ms: 1_000_000 };
    const leases = createEmployeeLeases(ledgerWith([]), () => clock.ms, memoryLogger(), LONGEST_CALL_MS);
    expect(leases.othersCallsEndedAtMs('u1')).toBe(Infinity);
    await leases.renew([], ['u1']);
    const endedAtMs = leases.othersCallsEndedAtMs('u1');
    expect(endedAtMs).toBe(clock.ms + LONGEST_CALL_MS + LEASE_MARGIN_MS);
    clock.ms += 1_000;
    await leases.renew(['u1'], []);
    expect(leases.othersCallsEndedAtMs('u1')).toBe(endedAtMs);
    clock.ms += LEASE_TTL_MS;
    await leases.renew(['u1'], []);
    expect(leases.othersCallsEndedAtMs('u1')).toBe(endedAtMs + 1_000 + LEASE_TTL_MS);
  });

  it('knows no call of another instance on a ledger no other instance shares', async () => {
    const leases = createEmployeeLeases(ledgerWith([], false), () => 0, memoryLogger(), LONGEST_CALL_MS);
    await leases.renew(['u1'], []);
    expect(leases.othersCallsEndedAtMs('u1')).toBe(-Infinity);
  });
});
