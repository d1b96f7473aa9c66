/**
 * The PIN that guards a kiosk's settings (full screen, sound, default language, unpairing). An operator sets it in
 * the console; the server keeps only a salted PBKDF2-SHA256 hash of it and hands that hash to its paired kiosks, which
 * check a typed PIN against it on the device, so the settings open offline too. Only a holder of a kiosk token
 * receives the hash, and that token already lets its holder do more than the PIN does.
 */

export const SETTINGS_PIN = { iterations: 150_000, minLength: 4, maxLength: 12 } as const;

/** What the server stores and a kiosk receives: never the PIN itself. */
export interface SettingsLock {
  salt: string;
  iterations: number;
  /** Hex PBKDF2-SHA256 of the PIN with this salt and these iterations. */
  hash: string;
}

export type PinProblem = 'not-digits' | 'too-short' | 'too-long';

/** Digits only, so a tablet's number pad types it; null when the PIN is acceptable. */
export function pinProblem(pin: string): PinProblem | null {
  if (!/^\d*$/.test(pin)) return 'not-digits';
  if (pin.length < SETTINGS_PIN.minLength) return 'too-short';
  if (pin.length > SETTINGS_PIN.maxLength) return 'too-long';
  return null;
}

const encoder = new TextEncoder();
const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

async function derive(pin: string, salt: string, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(salt), iterations },
    key,
    256,
  );
  return hex(bits);
}

/** A new lock for `pin`, with a fresh random salt. */
export async function lockWithPin(
  pin: string,
  iterations: number = SETTINGS_PIN.iterations,
): Promise<SettingsLock> {
  const salt = hex(crypto.getRandomValues(new Uint8Array(16)).buffer);
  return { salt, iterations, hash: await derive(pin, salt, iterations) };
}

/** Whether `pin` opens `lock`; every character of the hashes is compared, whatever the first difference. */
export async function pinOpens(pin: string, lock: SettingsLock): Promise<boolean> {
  if (pinProblem(pin) !== null) return false;
  const typed = await derive(pin, lock.salt, lock.iterations);
  if (typed.length !== lock.hash.length) return false;
  let difference = 0;
  for (let i = 0; i < typed.length; i += 1) difference |= typed.charCodeAt(i) ^ lock.hash.charCodeAt(i);
  return difference === 0;
}

/** A stored or received lock, checked; anything else is no lock. */
export function parseSettingsLock(value: unknown): SettingsLock | null {
  if (typeof value !== 'object' || value === null) return null;
  const { salt, iterations, hash } = value as Record<string, unknown>;
  if (typeof salt !== 'string' || typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return null;
  if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < 1) return null;
  return { salt, iterations, hash };
}
