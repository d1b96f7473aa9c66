/**
 * Credentials, and the one way they are compared. Kiosks: A kiosk token is 32 random bytes (base64url), shown once and stored only as its SHA-256,
 * so a copy of the ledger lets nobody act as a kiosk. A pairing code is what a person types on a tablet: short, from
 * an alphabet without look-alikes (no 0/O, 1/I/L), single-use and valid for ten minutes; 32^8 codes make guessing
 * one within its lifetime hopeless.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const PAIRING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 8;
export const PAIRING_CODE_TTL_MS = 10 * 60_000;

export function newKioskToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i += 1) {
    code += PAIRING_CODE_ALPHABET[randomInt(PAIRING_CODE_ALPHABET.length)];
  }
  return code;
}

/** What a person typed, as stored: case, spaces and dashes do not matter ("abcd-efgh" is "ABCDEFGH"). */
export function normalizePairingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** Equal strings in time independent of where they differ (hashing first makes the lengths equal too). */
export function constantTimeEqual(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** The credential of an `Authorization: Bearer …` header (one or more spaces after the scheme, RFC 7235), or null. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match?.[1] ?? null;
}
