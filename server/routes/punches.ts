import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { kioskOf } from '../auth/kiosk-auth';
import { HttpError } from '../http/errors';
import { parseRequest } from '../http/parse';
import { ingestBatch } from '../ingest/ingest-batch';
import type { IngestContext } from '../ingest/types';
import type { RouteDeps } from './deps';
import { kioskPunchView } from './punch-view';

const punchIdParams = z.strictObject({ id: z.string().min(1).max(100) });

/** The protocol's punch endpoints; a kiosk sees its own punches only (another kiosk's id is a 404). */
export function registerPunches(app: FastifyInstance, { config, services, kioskAuth }: RouteDeps): void {
  app.post('/api/v1/punches', { onRequest: kioskAuth }, async (request) => {
    const ctx: IngestContext = {
      ledger: services.ledger,
      directory: services.directory,
      now: services.now,
      logger: request.log,
      doubleScanWindowS: config.DOUBLE_SCAN_WINDOW_S,
      maxClockSkewS: config.MAX_CLOCK_SKEW_S,
      maxPunchAgeDays: config.MAX_PUNCH_AGE_DAYS,
    };
    const { results, queued } = await ingestBatch(ctx, kioskOf(request), request.body);
    if (queued > 0) services.replay.kick();
    for (const { status } of results) services.metrics.countReceived(status);
    return { results };
  });

  app.get('/api/v1/punches/:id', { onRequest: kioskAuth }, async (request) => {
    const { id } = parseRequest(punchIdParams, request.params, 'params');
    const punch = await services.ledger.getPunch(kioskOf(request).id, id);
    if (!punch) throw new HttpError(404, 'punch-not-found', `This kiosk has sent no punch ${id}.`);
    return kioskPunchView(punch);
  });
}
