import type { FastifyInstance } from 'fastify';

/**
 * Fastify's JSON parser (with its prototype-poisoning guard), except that an empty body reads as `undefined`: an
 * admin console that sends `Content-Type: application/json` on a body-less POST (revoke, retry) is not a bad
 * request. Endpoints that need a body refuse `undefined` in their own schema, with the contract's error body.
 * Every body of the API is JSON, so Fastify's text/plain parser goes: any other type is a 415.
 */
export function installJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('text/plain');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') {
      done(null, undefined);
      return;
    }
    parse(request, typeof body === 'string' ? body : body.toString('utf8'), done);
  });
}
