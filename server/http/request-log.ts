import type { FastifyInstance } from 'fastify';

/**
 * One line per answered request, at debug: kiosks poll all day, and at info these lines would bury the state
 * changes (punches stored and sent, kiosks paired or revoked, alerts) an operator reads the log for. Fastify's own
 * two lines per request are switched off in `buildApp`; failures still reach the log through the error handler.
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.debug(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
}
