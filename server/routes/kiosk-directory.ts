import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { kioskOf } from '../auth/kiosk-auth';
import { directoryIdentifiers, directorySalt, directorySecret, kioskCopy } from '../directory/kiosk-copy';
import { saveSlowDigests, savedSlowDigests } from '../directory/saved-digests';
import type { SlowDigests } from '../directory/slow-digests';
import type { RouteDeps } from './deps';

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

interface Derivation {
  salt: string;
  secret: string;
  digests: SlowDigests;
}

async function openDerivation(ledger: RouteDeps['services']['ledger']): Promise<Derivation> {
  const salt = await directorySalt(ledger);
  const secret = await directorySecret(ledger);
  return { salt, secret, digests: await savedSlowDigests(ledger, secret, salt) };
}

interface CachedCopy {
  fetchedAtMs: number | null;
  body: string;
  etag: string;
}

/**
 * `GET /api/v1/kiosk/directory` (kiosk token): that kiosk's own copy (`directory/kiosk-copy.ts`), with an ETag so
 * an unchanged directory costs a 304. The costly derivations are shared by all kiosks and kept between requests
 * and in the ledger (`saved-digests.ts`); a kiosk's copy is made again only when the directory changed.
 */
export function registerKioskDirectory(app: FastifyInstance, { services, kioskAuth }: RouteDeps): void {
  // The directory only changes with a fetch, so its fetch time keys each kiosk's cached answer.
  const copies = new Map<string, CachedCopy>();
  let savedAfter = 0;
  // Read once, by the first request; requests arriving meanwhile wait for the same (one set of digests per process).
  let ready: Promise<Derivation> | null = null;
  const derivation = () => {
    ready ??= openDerivation(services.ledger).catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  };

  app.get('/api/v1/kiosk/directory', { onRequest: kioskAuth }, async (request, reply) => {
    const kioskId = kioskOf(request).id;
    const fetchedAtMs = services.directory.fetchedAtMs();
    let copy = copies.get(kioskId);
    if (copy?.fetchedAtMs !== fetchedAtMs) {
      const employees = services.directory.employees();
      const { salt, secret, digests } = await derivation();
      digests.keepOnly(directoryIdentifiers(employees));
      const built = await kioskCopy({ kioskId, employees, salt, secret, digests });
      if (digests.derived() !== savedAfter) {
        savedAfter = digests.derived();
        await saveSlowDigests(services.ledger, secret, salt, digests);
      }
      const fetchedAt = fetchedAtMs === null ? null : new Date(fetchedAtMs).toISOString();
      const body = JSON.stringify({ fetchedAt, ...built });
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
      copy = { fetchedAtMs, etag, body };
      copies.set(kioskId, copy);
    }
    reply.header('ETag', copy.etag).header('Cache-Control', 'no-cache');
    if (matchesEtag(request.headers['if-none-match'], copy.etag)) return reply.status(304).send();
    return reply.type('application/json; charset=utf-8').send(copy.body);
  });
}
