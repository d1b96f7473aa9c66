/**
 * Whether a badge or email belongs to an active employee, and their name, from the cached directory. The directory
 * holds only slow salted tags and names sealed under each identifier (`core/identifier-hash.ts`): the kiosk reads
 * a name only when that person presents their badge or email.
 */
import {
  IDENTIFIER_HASH,
  deriveIdentifier,
  normalizedIdentifier,
  openName,
} from '../../../core/identifier-hash';
import type { EmployeeRef } from '../../../core/punch';
import type { DirectoryEmployee } from '../api/types';
import type { StoredDirectory } from '../outbox/settings';

/** Older than this, the directory may miss a new hire, so an unknown identifier is let through. */
export const DIRECTORY_FRESH_MS = 24 * 3_600_000;

export type Lookup =
  /** `name` opened from the entry with the presented identifier; null when it cannot be. */
  | { kind: 'known'; employee: DirectoryEmployee; name: string | null }
  | { kind: 'unknown' }
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
  if (!directory || !derivation || derivation.name !== IDENTIFIER_HASH.name || 'userId' in ref) {
    return { kind: 'unverifiable' };
  }
  if (typeof crypto === 'undefined' || !crypto.subtle) return { kind: 'unverifiable' };
  const isBadge = 'externalId' in ref;
  const value = normalizedIdentifier(isBadge ? 'badge' : 'email', isBadge ? ref.externalId : ref.email);
  const secret = await deriveIdentifier(value, directory.salt, derivation.iterations);
  const employee = directory.employees.find((e) => (isBadge ? e.badgeHash : e.emailHash) === secret.tag);
  if (employee) {
    const sealed = isBadge ? employee.badgeName : employee.emailName;
    return { kind: 'known', employee, name: sealed === null ? null : await openName(sealed, secret.key) };
  }
  return isDirectoryFresh(directory, nowMs) ? { kind: 'unknown' } : { kind: 'unverifiable' };
}
