import type { FastifyInstance } from 'fastify';
import type { KenjoSimulator } from './simulator';

/** Kenjo's employee listings: account data and personal data, both `{ data: [...] }`, unpaged, inactive included. */
export function registerEmployeeRoutes(api: FastifyInstance, sim: KenjoSimulator): void {
  api.get('/employees', async () => ({
    data: sim.employees.map(({ _id, email, externalId, isActive, language }) => ({
      _id,
      email,
      externalId,
      isActive,
      language,
    })),
  }));

  api.get('/employees/personals', async () => ({
    data: sim.employees.map(({ _id, firstName, lastName, displayName }) => ({
      _id,
      firstName,
      lastName,
      displayName,
    })),
  }));
}
