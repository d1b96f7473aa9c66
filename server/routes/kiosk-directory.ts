import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  IDENTIFIER_HASH,
  type IdentifierSecret,
  deriveIdentifier,
  normalizedIdentifier,
  sealName,
} from '../../core/identifier-hash';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { DirectoryEmployee } from '../ledger/ledger';
import type { RouteDeps } from './deps';

export const DIRECTORY_SALT_SETTING = 'kiosk-directory-salt';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** One salt for the life of the installation, so kiosks' cached hashes and keys stay valid across restarts. */
export async function directorySalt(ledger: Pick<AsyncLedger, 'getSetting' | 'setSetting'>): Promise<string> {
  const existing = await ledger.getSetting(DIRECTORY_SALT_SETTING);
  if (existing !== null) return existing;
  const salt = randomBytes(16).toString('hex');
  await ledger.setSetting(DIRECTORY_SALT_SETTING, salt);
  return salt;
}

type Derive = (normalized: string, salt: string) => Promise<IdentifierSecret>;

/** One derivation per identifier for the life of the process: the directory changes rarely, and little at a time. */
export function memoizedDerivation(): Derive {
  const known = new Map<string, Promise<IdentifierSecret>>();
  return (normalized, salt) => {
    const key = `${salt}\u0000${normalized}`;
    let secret = known.get(key);
    if (secret === undefined) {
      secret = deriveIdentifier(normalized, salt);
      known.set(key, secret);
    }
    return secret;
  };
}

/**
 * The kiosk's copy of the directory: active employees only, no identifier and no name in clear. Per identifier,
 * the tag a kiosk derives from what it scans (`core/identifier-hash.ts`) and the person's name sealed under that
 * identifier's key, so a kiosk token, or a stolen tablet, lists nobody. `key` is derived from Kenjo's id with the
 * salt, stable but not the id itself.
 */
export async function kioskDirectory(
  employees: readonly DirectoryEmployee[],
  salt: string,
  derive: Derive = deriveIdentifier,
) {
  const entryOf = async (kind: 'badge' | 'email', value: string | null, name: string) => {
    const normalized = value === null ? '' : normalizedIdentifier(kind, value);
    if (normalized === '') return { hash: null, name: null };
    const secret = await derive(normalized, salt);
    return { hash: secret.tag, name: await sealName(name, secret.key) };
  };
  const entries = await Promise.all(
    employees
      .filter((employee) => employee.isActive)
      .map(async (employee) => {
        const badge = await entryOf('badge', employee.externalId, employee.displayName);
        const email = await entryOf('email', employee.email, employee.displayName);
        return {
          key: sha256(`${salt}:key:${employee.userId}`).slice(0, 32),
          badgeHash: badge.hash,
          badgeName: badge.name,
          emailHash: email.hash,
          emailName: email.name,
        };
      }),
  );
  return entries.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Employees Kenjo knows but who may not punch, as hashes only (no name, no key), derived as the active ones are: a
 * kiosk tells them "not active, ask your manager" instead of "not known".
 */
export async function inactiveHashes(
  employees: readonly DirectoryEmployee[],
  salt: string,
  derive: Derive = deriveIdentifier,
) {
  const hashOf = async (kind: 'badge' | 'email', value: string | null) => {
    const normalized = value === null ? '' : normalizedIdentifier(kind, value);
    return normalized === '' ? null : (await derive(normalized, salt)).tag;
  };
  const entries = await Promise.all(
    employees
      .filter((employee) => !employee.isActive)
      .map(async (employee) => ({
        badgeHash: await hashOf('badge', employee.externalId),
        emailHash: await hashOf('email', employee.email),
      })),
  );
  return entries
    .filter((entry) => entry.badgeHash !== null || entry.emailHash !== null)
    .sort((a, b) => `${a.badgeHash}${a.emailHash}`.localeCompare(`${b.badgeHash}${b.emailHash}`));
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/** `GET /api/v1/kiosk/directory` (kiosk token), with an ETag so an unchanged directory costs a 304. */
export function registerKioskDirectory(app: FastifyInstance, { services, kioskAuth }: RouteDeps): void {
  // The directory only changes with a fetch, so its fetch time keys the cached answer.
  let cache: { fetchedAtMs: number | null; body: string; etag: string } | null = null;
  const derive = memoizedDerivation();

  app.get('/api/v1/kiosk/directory', { onRequest: kioskAuth }, async (request, reply) => {
    const fetchedAtMs = services.directory.fetchedAtMs();
    if (!cache || cache.fetchedAtMs !== fetchedAtMs) {
      const source = services.directory.employees();
      const salt = await directorySalt(services.ledger);
      const employees = await kioskDirectory(source, salt, derive);
      const fetchedAt = fetchedAtMs === null ? null : new Date(fetchedAtMs).toISOString();
      const inactive = await inactiveHashes(source, salt, derive);
      const body = JSON.stringify({ fetchedAt, salt, hash: IDENTIFIER_HASH, employees, inactive });
      const etag = `"${sha256(body).slice(0, 32)}"`;
      cache = { fetchedAtMs, etag, body };
    }
    reply.header('ETag', cache.etag).header('Cache-Control', 'no-cache');
    if (matchesEtag(request.headers['if-none-match'], cache.etag)) return reply.status(304).send();
    return reply.type('application/json; charset=utf-8').send(cache.body);
  });
}
