import { randomUUID } from 'node:crypto';
import type { ReplayLedger, ReplayLogger } from './types';

/** How long a claim on an employee lasts unless renewed; an instance that died hands its employees over after it. */
export const LEASE_TTL_MS = 5_000;
/**
 * A claim counts as held for less than its lifetime: the database dates it from when it received the claim, this
 * instance from before it sent it, and a pass must never take a step on a claim about to lapse.
 */
export const LEASE_MARGIN_MS = 1_500;
/**
 * A hold is renewed once less than this is left of it. A pass runs at least every second, so a hold is renewed well
 * before it ends, while the passes between renewals (one per commit while punches flow) ask the database nothing.
 */
export const LEASE_RENEW_WITHIN_MS = (LEASE_TTL_MS - LEASE_MARGIN_MS) / 2;
/** How soon an employee another instance holds is asked for again. */
export const LEASE_RETRY_MS = 1_000;

/**
 * Which employees this replay may work on. Instances sharing one ledger each claim, before a pass, the employees
 * they are working on (renewal) and the ones they are about to start; a step is only ever taken for a held one. A
 * ledger only one instance can open (SQLite) grants every claim.
 */
export interface EmployeeLeases {
  /** Whether this instance holds the employee now. */
  held(employeeKey: string): boolean;
  /**
   * From when on no call another instance started for the employee can still be under way: the longest call after
   * this instance's claim began (plus the margin), since that instance only starts calls while it holds the claim.
   * Never on an employee not held; at once on a ledger no other instance shares.
   */
  othersCallsEndedAtMs(employeeKey: string): number;
  /** A chain found due but not held: it is claimed at the next renewal. */
  want(employeeKey: string): void;
  /** Whether chains wait for a claim (the loop then runs its next pass at once). */
  pending(): boolean;
  /**
   * Claims `busy` (the employees with work under way: renewal) and `wanted` plus those asked for by `want`, except
   * those held for longer than `LEASE_RENEW_WITHIN_MS` still.
   * Answers the busy ones lost (another instance took them over: this one stalled past the lifetime) and the wanted
   * ones another instance holds. Runs outside any transaction, so a claim is visible to the others at once.
   */
  renew(busy: Iterable<string>, wanted: Iterable<string>): Promise<{ lost: string[]; refused: string[] }>;
  /** Gives up every claim (a clean stop), so that the other instances need not wait for them to lapse. */
  release(): Promise<void>;
}

export function createEmployeeLeases(
  ledger: Pick<ReplayLedger, 'claimEmployees' | 'releaseEmployees' | 'claimsShared'>,
  now: () => number,
  logger: ReplayLogger,
  longestCallMs: number,
): EmployeeLeases {
  const owner = randomUUID();
  const heldUntil = new Map<string, number>();
  const heldSince = new Map<string, number>();
  let shared: boolean | null = null;
  const asked = new Set<string>();

  return {
    held: (key) => (heldUntil.get(key) ?? 0) > now(),
    othersCallsEndedAtMs(key) {
      if (shared === false) return -Infinity;
      const sinceMs = heldSince.get(key);
      return sinceMs === undefined ? Infinity : sinceMs + longestCallMs + LEASE_MARGIN_MS;
    },
    want: (key) => void asked.add(key),
    pending: () => asked.size > 0,
    async renew(busy, wanted) {
      const busyKeys = new Set(busy);
      const renewFrom = now() + LEASE_RENEW_WITHIN_MS;
      const keys = [...new Set([...busyKeys, ...wanted, ...asked])]
        .filter((key) => (heldUntil.get(key) ?? 0) <= renewFrom)
        .sort();
      asked.clear();
      if (keys.length === 0) return { lost: [], refused: [] };
      shared ??= await ledger.claimsShared();
      const sentAtMs = now();
      const granted = await ledger.claimEmployees(owner, keys, LEASE_TTL_MS);
      const untilMs = sentAtMs + LEASE_TTL_MS - LEASE_MARGIN_MS;
      const lost: string[] = [];
      const refused: string[] = [];
      for (const key of keys) {
        if (granted.has(key)) {
          // A claim that lapsed meanwhile may have been another instance's in between: its hold starts again.
          if ((heldUntil.get(key) ?? 0) <= sentAtMs) heldSince.set(key, sentAtMs);
          heldUntil.set(key, untilMs);
        } else {
          heldUntil.delete(key);
          heldSince.delete(key);
          (busyKeys.has(key) ? lost : refused).push(key);
        }
      }
      for (const [key, until] of heldUntil) {
        if (until > sentAtMs) continue;
        heldUntil.delete(key);
        heldSince.delete(key);
      }
      if (lost.length > 0) {
        logger.warn(
          { employees: lost.length },
          'another instance took over employees this one was replaying',
        );
      }
      return { lost, refused };
    },
    async release() {
      const keys = [...heldUntil.keys()];
      heldUntil.clear();
      heldSince.clear();
      if (keys.length > 0) await ledger.releaseEmployees(owner, keys);
    },
  };
}
