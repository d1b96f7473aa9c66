import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { IDENTIFIER_HASH, hashIdentifier, normalizedIdentifier } from '../../core/identifier-hash';
import type { DirectoryEmployee, Ledger } from '../ledger/ledger';
import type { RouteDeps } from './deps';

export const DIRECTORY_SALT_SETTING = 'kiosk-directory-salt';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** One salt for the life of the installation, so kiosks' cached hashes and keys stay valid across restarts. */
export function directorySalt(ledger: Pick<Ledger, 'getSetting' | 'setSetting'>): string {
  const existing = ledger.getSetting(DIRECTORY_SALT_SETTING);
  if (existing !== null) return existing;
  const salt = randomBytes(16).toString('hex');
  ledger.setSetting(DIRECTORY_SALT_SETTING, salt);
  return salt;
}

/** One derivation per identifier for the life of the process: the directory changes rarely, and little at a time. */
export function memoizedHash(): (normalized: string, salt: string) => Promise<string> {
  const known = new Map<string, Promise<string>>();
  return (normalized, salt) => {
    const key = `${salt}\u0000${normalized}`;
    let hash = known.get(key);
    if (hash === undefined) {
      hash = hashIdentifier(normalized, salt);
      known.set(key, hash);
    }
    return hash;
  };
}

/**
 * The kiosk's copy of the directory: active employees only, no name and no identifier in clear. A kiosk derives the
 * hash of what it scans (`core/identifier-hash.ts`) and compares; `key` is derived from Kenjo's id with the salt,
 * stable but not the id itself. Names are not here: a kiosk token, or a stolen tablet, must not list the staff.
 */
export async function kioskDirectory(
  employees: readonly DirectoryEmployee[],
  salt: string,
  hash: (normalized: string, salt: string) => Promise<string> = hashIdentifier,
) {
  const hashOf = async (kind: 'badge' | 'email', value: string | null) => {
    const normalized = value === null ? '' : normalizedIdentifier(kind, value);
    return normalized === '' ? null : hash(normalized, salt);
  };
  const entries = await Promise.all(
    employees
      .filter((employee) => employee.isActive)
      .map(async (employee) => ({
        key: sha256(`${salt}:key:${employee.userId}`).slice(0, 32),
        badgeHash: await hashOf('badge', employee.externalId),
        emailHash: await hashOf('email', employee.email),
      })),
  );
  return entries.sort((a, b) => a.key.localeCompare(b.key));
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
  const hash = memoizedHash();

  app.get('/api/v1/kiosk/directory', { onRequest: kioskAuth }, async (request, reply) => {
    const fetchedAtMs = services.directory.fetchedAtMs();
    if (!cache || cache.fetchedAtMs !== fetchedAtMs) {
      const source = services.directory.employees();
      const salt = directorySalt(services.ledger);
      const employees = await kioskDirectory(source, salt, hash);
      const fetchedAt = fetchedAtMs === null ? null : new Date(fetchedAtMs).toISOString();
      const body = JSON.stringify({ fetchedAt, salt, hash: IDENTIFIER_HASH, employees });
      const etag = `"${sha256(body).slice(0, 32)}"`;
      cache = { fetchedAtMs, etag, body };
    }
    reply.header('ETag', cache.etag).header('Cache-Control', 'no-cache');
    if (matchesEtag(request.headers['if-none-match'], cache.etag)) return reply.status(304).send();
    return reply.type('application/json; charset=utf-8').send(cache.body);
  });
}
