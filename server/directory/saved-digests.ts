import { createHmac } from 'node:crypto';
import { IDENTIFIER_HASH } from '../../core/identifier-hash';
import type { AsyncLedger } from '../ledger/async-ledger';
import { slowDigests, type SlowDigests } from './slow-digests';

/**
 * The slow digests kept in the ledger, so that a restart does not derive every identifier again (a company of
 * 5,000 would cost minutes of CPU each time). Keyed by an HMAC of the identifier under the directory's secret, so the
 * setting names nobody; a digest is no more than the ledger's directory copy already holds in clear.
 */
export const DIRECTORY_DIGESTS_SETTING = 'kiosk-directory-digests';

type Settings = Pick<AsyncLedger, 'getSetting' | 'setSetting'>;

interface SavedDigests {
  salt: string;
  iterations: number;
  digests: Record<string, string>;
}

const slotOf = (secret: string, normalized: string) =>
  createHmac('sha256', secret).update(`digest:${normalized}`, 'utf8').digest('hex').slice(0, 32);

async function load(ledger: Settings, salt: string, iterations: number): Promise<Record<string, string>> {
  const text = await ledger.getSetting(DIRECTORY_DIGESTS_SETTING);
  if (text === null) return {};
  try {
    const saved = JSON.parse(text) as Partial<SavedDigests>;
    const usable =
      saved.salt === salt && saved.iterations === iterations && typeof saved.digests === 'object';
    return usable && saved.digests !== null && saved.digests !== undefined ? saved.digests : {};
  } catch {
    return {};
  }
}

/** The digests of the ledger (of this salt and iteration count), deriving only what they lack. */
export async function savedSlowDigests(
  ledger: Settings,
  secret: string,
  salt: string,
  iterations: number = IDENTIFIER_HASH.iterations,
): Promise<SlowDigests> {
  const saved = await load(ledger, salt, iterations);
  return slowDigests(salt, iterations, (normalized) => {
    const base64 = saved[slotOf(secret, normalized)];
    if (base64 === undefined) return undefined;
    const bytes = Buffer.from(base64, 'base64');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  });
}

/** Writes every digest known now (those of the current directory) over the saved ones. */
export async function saveSlowDigests(
  ledger: Settings,
  secret: string,
  salt: string,
  digests: SlowDigests,
): Promise<void> {
  const entries = [...digests.settled()].map(([normalized, bytes]) => [
    slotOf(secret, normalized),
    Buffer.from(bytes).toString('base64'),
  ]);
  const saved: SavedDigests = { salt, iterations: digests.iterations, digests: Object.fromEntries(entries) };
  await ledger.setSetting(DIRECTORY_DIGESTS_SETTING, JSON.stringify(saved));
}
