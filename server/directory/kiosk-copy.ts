import { createHmac, randomBytes } from 'node:crypto';
import { IDENTIFIER_HASH, normalizedIdentifier, pepperedTag } from '../../core/identifier-hash';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { DirectoryEmployee } from '../ledger/ledger';
import type { SlowDigests } from './slow-digests';

/** Sent to every kiosk: the salt of the slow derivation, one for the life of the installation. */
export const DIRECTORY_SALT_SETTING = 'kiosk-directory-salt';
/** Never sent: each kiosk's pepper and each entry's key are made from it, so they stay across restarts. */
export const DIRECTORY_SECRET_SETTING = 'kiosk-directory-secret';

type Settings = Pick<AsyncLedger, 'getSetting' | 'firstSetting'>;

async function setting(ledger: Settings, key: string): Promise<string> {
  const existing = await ledger.getSetting(key);
  if (existing !== null) return existing;
  // Of instances starting together on one database, each goes on with the value stored first.
  return ledger.firstSetting(key, randomBytes(32).toString('hex'));
}

export const directorySalt = (ledger: Settings) => setting(ledger, DIRECTORY_SALT_SETTING);
export const directorySecret = (ledger: Settings) => setting(ledger, DIRECTORY_SECRET_SETTING);

const hmac = (secret: string, text: string) =>
  createHmac('sha256', secret).update(text, 'utf8').digest('hex');

/** What a kiosk's copy of the directory is made of, for one kiosk. */
export interface KioskCopyInput {
  kioskId: string;
  employees: readonly DirectoryEmployee[];
  salt: string;
  secret: string;
  digests: SlowDigests;
}

/**
 * One kiosk's copy of the directory: tags only, no name, no identifier, no Kenjo id. Active employees are entries
 * (`key` groups a person's badge and email on the kiosk: stable, per kiosk, and meaningless elsewhere); inactive
 * ones are tags only, so a kiosk can say "not active" without naming anyone. Names reach a kiosk only in the answers
 * to its own punches.
 */
export async function kioskCopy({ kioskId, employees, salt, secret, digests }: KioskCopyInput) {
  const pepper = hmac(secret, `pepper:${kioskId}`);
  const tagOf = async (kind: 'badge' | 'email', value: string | null) => {
    const normalized = value === null ? '' : normalizedIdentifier(kind, value);
    return normalized === '' ? null : pepperedTag(await digests.digest(normalized), pepper);
  };
  const tags = async (employee: DirectoryEmployee) => ({
    badgeHash: await tagOf('badge', employee.externalId),
    emailHash: await tagOf('email', employee.email),
  });
  const active = employees.filter((employee) => employee.isActive);
  const inactive = employees.filter((employee) => !employee.isActive);
  const entries = await Promise.all(
    active.map(async (employee) => ({
      key: hmac(secret, `key:${kioskId}:${employee.userId}`).slice(0, 32),
      ...(await tags(employee)),
    })),
  );
  const inactiveTags = (await Promise.all(inactive.map(tags))).filter(
    (entry) => entry.badgeHash !== null || entry.emailHash !== null,
  );
  return {
    salt,
    pepper,
    hash: { name: IDENTIFIER_HASH.name, iterations: digests.iterations },
    employees: entries.sort((a, b) => a.key.localeCompare(b.key)),
    inactive: inactiveTags.sort((a, b) =>
      `${a.badgeHash}${a.emailHash}`.localeCompare(`${b.badgeHash}${b.emailHash}`),
    ),
  };
}

/** Every identifier the list holds, as derived: what the slow digests keep. */
export function directoryIdentifiers(employees: readonly DirectoryEmployee[]): Set<string> {
  const all = new Set<string>();
  for (const { externalId, email } of employees) {
    if (externalId !== null && externalId.trim() !== '') all.add(normalizedIdentifier('badge', externalId));
    if (email !== null && email.trim() !== '') all.add(normalizedIdentifier('email', email));
  }
  return all;
}
