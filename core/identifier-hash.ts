/**
 * How the kiosk's offline directory hides badges and emails. It lists tags, never an identifier or a name. A tag is
 * PBKDF2-SHA256 of the identifier under the installation's salt (the slow part: checking a list of guesses costs one
 * derivation per guess, as one scan costs the kiosk), then HMAC-SHA256 under the kiosk's own pepper, so one kiosk's
 * directory matches nothing in another's. The slow part is the same for every kiosk of an installation, so the
 * server derives it once per identifier, not once per kiosk. Web Crypto runs the same code in the browser and in
 * Node.
 */

/**
 * The derivation a directory names (a kiosk matches only a directory of the derivation it knows). The rounds are
 * what the kiosk's answer can afford: each scan of someone new derives once, about 7 ms in desktop Chromium, within
 * the 50 ms from Enter to the painted answer; an attacker pays the same per guess (`npm run bench`).
 */
export const IDENTIFIER_HASH = { name: 'PBKDF2-SHA256/HMAC-SHA256', iterations: 50_000 } as const;

/** What a kiosk needs to derive tags that match its directory. */
export interface TagParameters {
  /** The installation's salt, the same for every kiosk. */
  salt: string;
  /** This kiosk's own pepper. */
  pepper: string;
  iterations: number;
}

/** A badge is compared trimmed, an email trimmed and lower-cased: as the directory and the kiosk both read them. */
export function normalizedIdentifier(kind: 'badge' | 'email', value: string): string {
  return kind === 'badge' ? value.trim() : value.trim().toLowerCase();
}

const encoder = new TextEncoder();
const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** The costly step, `iterations` rounds of PBKDF2-SHA256: 32 bytes, shared by every kiosk of the installation. */
export async function slowDigest(normalized: string, salt: string, iterations: number): Promise<ArrayBuffer> {
  const password = await crypto.subtle.importKey('raw', encoder.encode(normalized), 'PBKDF2', false, [
    'deriveBits',
  ]);
  return crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(salt), iterations },
    password,
    256,
  );
}

/**
 * The cheap step: the slow digest keyed with one kiosk's pepper, as hex. The digest may still be under way: the
 * pepper's key is imported meanwhile, one step less to wait for after it.
 */
export async function pepperedTag(slow: ArrayBuffer | Promise<ArrayBuffer>, pepper: string): Promise<string> {
  const [digest, key] = await Promise.all([
    slow,
    crypto.subtle.importKey('raw', encoder.encode(pepper), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]),
  ]);
  return hex(await crypto.subtle.sign('HMAC', key, digest));
}

/** The tag a kiosk derives from what it scans; the directory lists the same tag for that identifier. */
export async function identifierTag(normalized: string, parameters: TagParameters): Promise<string> {
  return pepperedTag(slowDigest(normalized, parameters.salt, parameters.iterations), parameters.pepper);
}
