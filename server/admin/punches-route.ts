import { MAX_IDENTIFIER_LENGTH } from '../../core/identifiers';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { parseInstant } from '../../core/wall-time';
import { parseRequest } from '../http/parse';
import { PUNCH_STATUSES } from '../../core/punch-status';
import type { PunchViewPage } from '../../core/punch-view';
import type { PunchFilter } from '../ledger/ledger';
import type { RouteDeps } from '../routes/deps';
import { employeeNames } from './admin-ledger';
import { searchIdentifiers } from './employee-search';
import { punchDirections, punchKey } from './punch-direction';
import { toPunchView } from './punch-view';

const instant = z.string().transform((value, ctx) => {
  const ms = parseInstant(value);
  if (ms === null) ctx.addIssue({ code: 'custom', message: 'is not an RFC 3339 instant with offset' });
  return ms ?? 0;
});

const listQuery = z.strictObject({
  /** One status or several, comma-separated: `failed,rejected`. */
  status: z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(PUNCH_STATUSES)).min(1))
    .optional(),
  kioskId: z.string().min(1).max(100).optional(),
  employee: z.string().trim().min(1).max(MAX_IDENTIFIER_LENGTH).optional(),
  from: instant.optional(),
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.coerce.number().int().min(1).optional(),
});

/**
 * `GET /api/v1/admin/punches`: newest first, filtered; `nextCursor` continues the listing (pass it as `cursor`),
 * null on the last page. `from`/`to` bound `at` (inclusive). `employee` finds a badge, email or Kenjo id as
 * punched, or any employee whose name contains it. Each punch carries the employee's name and whether it is an
 * `in` or an `out` as Kenjo pairs it (null when it takes no part in pairing).
 */
export function registerAdminPunches(app: FastifyInstance, { config, services, adminAuth }: RouteDeps): void {
  app.get('/api/v1/admin/punches', { onRequest: adminAuth }, async (request): Promise<PunchViewPage> => {
    const query = parseRequest(listQuery, request.query, 'query');
    const filter: PunchFilter = { limit: query.limit };
    if (query.status) filter.status = query.status;
    if (query.kioskId !== undefined) filter.kioskId = query.kioskId;
    if (query.employee !== undefined) {
      filter.employees = searchIdentifiers(query.employee, services.directory.employees());
    }
    if (query.from !== undefined) filter.fromMs = query.from;
    if (query.to !== undefined) filter.toMs = query.to;
    if (query.cursor !== undefined) filter.cursor = query.cursor;
    const page = await services.ledger.listPunches(filter);
    const nameOf = await employeeNames(services.ledger);
    const directions = await punchDirections(services.ledger, page.punches, config.MAX_SHIFT_HOURS);
    return {
      punches: page.punches.map((punch) => ({
        ...toPunchView(punch, nameOf),
        direction: directions.get(punchKey(punch)) ?? null,
      })),
      nextCursor: page.nextCursor,
    };
  });
}
