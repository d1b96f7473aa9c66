/**
 * How the kiosk's offline directory hides badges and emails: PBKDF2-SHA256 of the identifier, salted per
 * installation, with enough iterations that checking a list of guesses against a stolen directory costs real time
 * (each guess costs what one scan costs the kiosk), yet few enough that the kiosk answers a scan within its budget.
 * Web Crypto runs the same derivation in the browser and in Node, so server and kiosk share this one definition.
 */

export const IDENTIFIER_HASH = { name: 'PBKDF2-SHA256', iterations: 8_000 } as const;

/** A badge is compared trimmed, an email trimmed and lower-cased: as the directory and the kiosk both read them. */
export function normalizedIdentifier(kind: 'badge' | 'email', value: string): string {
  return kind === 'badge' ? value.trim() : value.trim().toLowerCase();
}

export async function hashIdentifier(
  normalized: string,
  salt: string,
  iterations: number = IDENTIFIER_HASH.iterations,
): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(normalized), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(salt), iterations },
    key,
    256,
  );
  return Array.from(new Uint8Array(bits), (b) => b.toString(16).padStart(2, '0')).join('');
}
