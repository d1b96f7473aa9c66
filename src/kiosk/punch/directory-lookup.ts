/**
 * Who a badge or email belongs to, from the cached directory. The directory holds only names and salted SHA-256
 * hashes (`${salt}:${value}`, badge trimmed, email trimmed and lower-cased), never the identifiers themselves.
 */
import type { EmployeeRef } from '../../../core/punch';
import type { DirectoryEmployee } from '../api/types';
import type { StoredDirectory } from '../outbox/settings';

/** Older than this, the directory may miss a new hire, so an unknown identifier is let through. */
export const DIRECTORY_FRESH_MS = 24 * 3_600_000;

export type Lookup =
  | { kind: 'known'; employee: DirectoryEmployee }
  | { kind: 'unknown' }
  /** Kenjo knows the identifier, but the employee may not punch. */
  | { kind: 'inactive' }
  /** No directory, a stale one, no hashing in this browser, or a `userId` reference: the proxy decides. */
  | { kind: 'unverifiable' };

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

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
  if (!directory || 'userId' in ref || typeof crypto === 'undefined' || !crypto.subtle) {
    return { kind: 'unverifiable' };
  }
  const isBadge = 'externalId' in ref;
  const value = isBadge ? ref.externalId.trim() : ref.email.trim().toLowerCase();
  const hash = await sha256Hex(`${directory.salt}:${value}`);
  const employee = directory.employees.find((e) => (isBadge ? e.badgeHash : e.emailHash) === hash);
  if (employee) return { kind: 'known', employee };
  if (directory.inactive?.some((e) => (isBadge ? e.badgeHash : e.emailHash) === hash))
    return { kind: 'inactive' };
  return isDirectoryFresh(directory, nowMs) ? { kind: 'unknown' } : { kind: 'unverifiable' };
}
