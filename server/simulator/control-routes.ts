import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { FaultsError, type Faults } from './faults';
import { sendKenjoError } from './kenjo-error';
import { UnknownEmployeeError, type KenjoSimulator } from './simulator';

export const CONTROL_BASE_PATH = '/__simulator';

const employeePatch = z.strictObject({ isActive: z.boolean() });

/**
 * The simulator's own controls, beside Kenjo's API: no auth, no faults. `state` also carries the counters.
 * `PATCH employees/:ref` (`_id`, badge or email) changes what Kenjo itself says of an employee, behind the proxy's
 * cached directory: the updated employee, 404 when none matches, 400 on any body but `{ "isActive": boolean }`.
 */
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

  app.patch<{ Params: { ref: string } }>(`${CONTROL_BASE_PATH}/employees/:ref`, async (request, reply) => {
    const body = employeePatch.safeParse(request.body);
    if (!body.success) return sendKenjoError(reply, 400, 'The body must be { "isActive": true | false }.');
    try {
      return sim.setEmployeeActive(request.params.ref, body.data.isActive);
    } catch (err) {
      if (err instanceof UnknownEmployeeError) return sendKenjoError(reply, 404, err.message);
      throw err;
    }
  });

  app.post(`${CONTROL_BASE_PATH}/reset`, async (_request, reply) => {
    sim.reset();
    return reply.status(204).send();
  });
}
