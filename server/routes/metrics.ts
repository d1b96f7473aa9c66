import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './deps';

/** `GET /metrics` (admin token): Prometheus text format, read from the ledger at each scrape. */
export function registerMetrics(app: FastifyInstance, { services, adminAuth }: RouteDeps): void {
  app.get('/metrics', { onRequest: adminAuth }, async (_request, reply) => {
    const { registry } = services.metrics;
    const body = await registry.metrics();
    return reply.type(registry.contentType).send(body);
  });
}
