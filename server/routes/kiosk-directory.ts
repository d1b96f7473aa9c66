import type { FastifyInstance } from 'fastify';
import { kioskOf } from '../auth/kiosk-auth';
import { kioskCopies, type ServedCopy } from '../directory/kiosk-copies';
import { HttpError } from '../http/errors';
import type { RouteDeps } from './deps';

/**
 * How long a request waits for its kiosk's copy. The first copy after the server meets a new directory derives
 * every identifier once (seconds, minutes for thousands of people on a busy machine): rather than hold the
 * connection past its timeouts, the kiosk is told to ask again, and works from the proxy's answers meanwhile.
 */
export const COPY_WAIT_MS = 15_000;
const RETRY_AFTER_S = '10';

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

function within<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(resolve, ms, null);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * `GET /api/v1/kiosk/directory` (kiosk token): that kiosk's own copy (`directory/kiosk-copy.ts`), with an ETag so
 * an unchanged directory costs a 304; `503 directory-preparing` with `Retry-After` while it is still being made.
 */
export function registerKioskDirectory(app: FastifyInstance, { services, kioskAuth }: RouteDeps): void {
  const copies = kioskCopies(services.ledger, services.directory);

  app.get('/api/v1/kiosk/directory', { onRequest: kioskAuth }, async (request, reply) => {
    const copy: ServedCopy | null = await within(copies.copyFor(kioskOf(request).id), COPY_WAIT_MS);
    if (copy === null) {
      throw new HttpError(
        503,
        'directory-preparing',
        "This kiosk's copy of the employee directory is still being prepared; ask again shortly.",
        { 'Retry-After': RETRY_AFTER_S },
      );
    }
    reply.header('ETag', copy.etag).header('Cache-Control', 'no-cache');
    if (matchesEtag(request.headers['if-none-match'], copy.etag)) return reply.status(304).send();
    return reply.type('application/json; charset=utf-8').send(copy.body);
  });
}
