import type { FastifyInstance } from 'fastify';
import { FaultsError, type Faults } from './faults';
import { sendKenjoError } from './kenjo-error';
import type { KenjoSimulator } from './simulator';

export const CONTROL_BASE_PATH = '/__simulator';

/** The simulator's own controls, beside Kenjo's API: no auth, no faults. `state` also carries the counters. */
export function registerControlRoutes(app: FastifyInstance, sim: KenjoSimulator): void {
  app.get(`${CONTROL_BASE_PATH}/faults`, async () => sim.faults());

  app.put(`${CONTROL_BASE_PATH}/faults`, async (request, reply) => {
    try {
      return sim.setFaults((request.body ?? {}) as Partial<Faults>);
    } catch (err) {
      if (err instanceof FaultsError) return sendKenjoError(reply, 400, err.message);
      throw err;
    }
  });

  app.get(`${CONTROL_BASE_PATH}/log`, async () => sim.log());

  app.get(`${CONTROL_BASE_PATH}/state`, async () => ({ ...sim.state(), counters: sim.counters() }));

  app.post(`${CONTROL_BASE_PATH}/reset`, async (_request, reply) => {
    sim.reset();
    return reply.status(204).send();
  });
}
