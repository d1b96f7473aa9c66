import type { FastifyInstance } from 'fastify';
import { employeeRecords, listAnswer, personalRecords } from './employee-variants';
import type { KenjoSimulator } from './simulator';

interface ListQuery {
  offset?: string;
  limit?: string;
}

/** Kenjo's employee listings: account data and personal data, `{ data: [...] }`, inactive included; see the variants. */
export function registerEmployeeRoutes(api: FastifyInstance, sim: KenjoSimulator): void {
  api.get<{ Querystring: ListQuery }>('/employees', async (request) => {
    const faults = sim.faults();
    return listAnswer(employeeRecords(sim.employees, faults), faults.employeePageSize, request.query);
  });

  api.get<{ Querystring: ListQuery }>('/employees/personals', async (request) =>
    listAnswer(personalRecords(sim.employees), sim.faults().employeePageSize, request.query),
  );
}
