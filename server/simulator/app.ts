import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { registerAttendanceReads } from './attendances-routes';
import { registerAttendanceWrites } from './attendance-writes';
import { registerAuth } from './auth';
import { registerControlRoutes } from './control-routes';
import { registerEmployeeRoutes } from './employees-routes';
import { installFaultHooks } from './fault-hooks';
import { sendKenjoError } from './kenjo-error';
import type { KenjoSimulator } from './simulator';
import { registerTrackTime } from './track-time';

export const KENJO_BASE_PATH = '/api/v1';

/** The simulator's HTTP face: Kenjo's API under `/api/v1` (faults, then auth, apply there) and the controls. */
export async function buildSimulatorApp(sim: KenjoSimulator): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  app.setErrorHandler((err: FastifyError, _request, reply) => {
    const status =
      err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    return sendKenjoError(reply, status, status === 500 ? 'Internal Server Error' : err.message);
  });
  app.setNotFoundHandler((_request, reply) => sendKenjoError(reply, 404, 'Not Found'));
  // Kenjo's own server takes an empty body sent with a JSON content type (a bodiless logout), as no body.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(Object.assign(new Error('The body is not valid JSON.'), { statusCode: 400 }), undefined);
    }
  });

  await app.register(
    async (api) => {
      installFaultHooks(api, sim);
      registerAuth(api, sim);
      registerTrackTime(api, sim);
      registerAttendanceReads(api, sim);
      registerAttendanceWrites(api, sim);
      registerEmployeeRoutes(api, sim);
    },
    { prefix: KENJO_BASE_PATH },
  );
  registerControlRoutes(app, sim);
  return app;
}
