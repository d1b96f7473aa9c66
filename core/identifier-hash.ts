/**
 * How the kiosk's offline directory hides badges, emails and names. Each identifier goes through PBKDF2-SHA256,
 * salted per installation, with enough iterations that checking a list of guesses against a stolen directory costs
 * real time (each guess costs what one scan costs the kiosk), yet few enough that the kiosk answers within its
 * budget. From the derived secret come a tag (what the directory lists, to find the entry) and an AES-GCM key that
 * seals the person's name: a kiosk reads a name only when someone presents that person's badge or email, so the
 * directory names nobody who has not punched there. Web Crypto runs the same code in the browser and in Node.
 */

export const IDENTIFIER_HASH = { name: 'PBKDF2-SHA256+AES-GCM', iterations: 8_000 } as const;

/** A badge is compared trimmed, an email trimmed and lower-cased: as the directory and the kiosk both read them. */
export function normalizedIdentifier(kind: 'badge' | 'email', value: string): string {
  return kind === 'badge' ? value.trim() : value.trim().toLowerCase();
}

export interface IdentifierSecret {
  /** Hex tag the directory lists for this identifier. */
  tag: string;
  /** Seals and opens the name stored beside the tag. */
  key: CryptoKey;
}

const encoder = new TextEncoder();
const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

async function digest(label: string, secret: ArrayBuffer): Promise<ArrayBuffer> {
  const input = new Uint8Array(label.length + secret.byteLength);
  input.set(encoder.encode(label));
  input.set(new Uint8Array(secret), label.length);
  return crypto.subtle.digest('SHA-256', input);
}

export async function deriveIdentifier(
  normalized: string,
  salt: string,
  iterations: number = IDENTIFIER_HASH.iterations,
): Promise<IdentifierSecret> {
  const password = await crypto.subtle.importKey('raw', encoder.encode(normalized), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const secret = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(salt), iterations },
    password,
    256,
  );
  const key = await crypto.subtle.importKey('raw', await digest('name:', secret), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  return { tag: hex(await digest('tag:', secret)), key };
}

/** `base64(iv ‖ ciphertext)`; a fresh IV per seal. */
export async function sealName(name: string, key: CryptoKey): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(name)),
  );
  const joined = new Uint8Array(iv.length + sealed.length);
  joined.set(iv);
  joined.set(sealed, iv.length);
  return btoa(String.fromCharCode(...joined));
}

/** The name, or null when the sealed text was not made with this key (or was altered). */
export async function openName(sealed: string, key: CryptoKey): Promise<string | null> {
  try {
    const joined = Uint8Array.from(atob(sealed), (c) => c.charCodeAt(0));
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: joined.slice(0, 12) },
      key,
      joined.slice(12),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}
