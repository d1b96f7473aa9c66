/**
 * Whether a badge or email belongs to an active employee, from the cached directory. The directory holds only
 * slow salted, per-kiosk tags (`core/identifier-hash.ts`) and no names: a name comes from this kiosk's own earlier
 * answers (`outbox/names.ts`).
 */
import { IDENTIFIER_HASH, normalizedIdentifier } from '../../../core/identifier-hash';
import type { EmployeeRef } from '../../../core/punch';
import type { DirectoryEmployee } from '../api/types';
import type { StoredDirectory } from '../outbox/settings';
import { createRecentTags } from './recent-tags';

/** A person's second scan of the day is matched without the slow derivation (`recent-tags.ts`). */
const recentTags = createRecentTags();

/** Older than this, the directory may miss a new hire, so an unknown identifier is let through. */
export const DIRECTORY_FRESH_MS = 24 * 3_600_000;

export type Lookup =
  | { kind: 'known'; employee: DirectoryEmployee }
  | { kind: 'unknown' }
  /** Kenjo knows the identifier, but the employee may not punch. */
  | { kind: 'inactive' }
  /** No directory, a stale one, no hashing in this browser, or a `userId` reference: the proxy decides. */
  | { kind: 'unverifiable' };

export function isDirectoryFresh(directory: StoredDirectory | null | undefined, nowMs: number): boolean {
  if (!directory?.fetchedAt) return false;
  const fetchedMs = Date.parse(directory.fetchedAt);
  return Number.isFinite(fetchedMs) && nowMs - fetchedMs < DIRECTORY_FRESH_MS;
}

export async function lookupEmployee(
  directory: StoredDirectory | null | undefined,
  ref: EmployeeRef,
  nowMs: number,
): Promise<Lookup> {
  const derivation = directory?.hash;
  const pepper = directory?.pepper;
  if (!directory || !derivation || derivation.name !== IDENTIFIER_HASH.name || pepper === undefined) {
    return { kind: 'unverifiable' };
  }
  if ('userId' in ref || typeof crypto === 'undefined' || !crypto.subtle) return { kind: 'unverifiable' };
  const isBadge = 'externalId' in ref;
  const value = normalizedIdentifier(isBadge ? 'badge' : 'email', isBadge ? ref.externalId : ref.email);
  const tag = await recentTags.tag(value, {
    salt: directory.salt,
    pepper,
    iterations: derivation.iterations,
  });
  const employee = directory.employees.find((e) => (isBadge ? e.badgeHash : e.emailHash) === tag);
  if (employee) return { kind: 'known', employee };
  if (directory.inactive?.some((e) => (isBadge ? e.badgeHash : e.emailHash) === tag)) {
    return { kind: 'inactive' };
  }
  return isDirectoryFresh(directory, nowMs) ? { kind: 'unknown' } : { kind: 'unverifiable' };
}
