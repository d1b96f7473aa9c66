/**
 * `GET /api/v1/admin/punches.csv?from=YYYY-MM-DD&to=YYYY-MM-DD`: every punch whose Kenjo wall-clock date (in its
 * kiosk's zone) lies in the range, oldest first, one row each, with a header row. Days are the kiosks' local days,
 * so the ledger is read over a range widened by the largest UTC offsets and then filtered by wall date. Each row
 * names the employee and says `in` or `out` as the console's punch list does (`punch-direction.ts`).
 */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { addDays, parseInstant } from '../../core/wall-time';
import { HttpError } from '../http/errors';
import type { RouteDeps } from '../routes/deps';
import { allPunches, employeeNames, isoOrNull } from './admin-ledger';
import { csvRow } from './csv';
import { punchDirections, punchKey } from './punch-direction';
import { toPunchView } from './punch-view';

export const CSV_MAX_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;
/** UTC offsets reach −12 h and +14 h. */
const ZONE_SLACK_MS = 15 * 60 * 60 * 1000;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const query = z.object({ from: date, to: date });

export const CSV_HEADER = [
  'kiosk_id',
  'kiosk_name',
  'punch_id',
  'employee',
  'employee_id',
  'employee_name',
  'direction',
  'at',
  'kenjo_date_time',
  'time_zone',
  'status',
  'reason',
  'is_overnight_shift',
  'overnight_reason',
  'attempts',
  'last_error',
  'received_at',
  'delivered_at',
] as const;

function dayStartMs(day: string): number | null {
  return parseInstant(`${day}T00:00:00Z`);
}

export function registerPunchesCsvRoute(
  app: FastifyInstance,
  { config, services, adminAuth }: RouteDeps,
): void {
  const { ledger } = services;
  app.get('/api/v1/admin/punches.csv', { onRequest: adminAuth }, async (request, reply) => {
    const parsed = query.safeParse(request.query);
    const fromMs = parsed.success ? dayStartMs(parsed.data.from) : null;
    const toMs = parsed.success ? dayStartMs(parsed.data.to) : null;
    if (!parsed.success || fromMs === null || toMs === null) {
      throw new HttpError(400, 'bad-query', 'Give from and to as calendar dates, YYYY-MM-DD.');
    }
    const { from, to } = parsed.data;
    if (toMs < fromMs) throw new HttpError(400, 'bad-range', 'to must not be before from.');
    if ((toMs - fromMs) / DAY_MS >= CSV_MAX_DAYS) {
      throw new HttpError(400, 'range-too-long', `Export at most ${CSV_MAX_DAYS} days at a time.`);
    }
    const lastDayExclusive = addDays(to, 1);
    const punches = (
      await allPunches(ledger, { fromMs: fromMs - ZONE_SLACK_MS, toMs: toMs + DAY_MS + ZONE_SLACK_MS })
    ).filter((p) => p.kenjoDateTime >= from && p.kenjoDateTime < lastDayExclusive);
    punches.sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
    const nameOf = await employeeNames(ledger);
    const directions = await punchDirections(ledger, punches, config.MAX_SHIFT_HOURS);
    const kioskNames = new Map((await ledger.listKiosks()).map((k) => [k.id, k.name]));
    const lines = [csvRow(CSV_HEADER)];
    for (const punch of punches) {
      const v = toPunchView(punch, nameOf);
      lines.push(
        csvRow([
          v.kioskId,
          kioskNames.get(v.kioskId) ?? null,
          v.id,
          v.employeeLabel,
          v.employeeKey,
          v.employeeName,
          directions.get(punchKey(punch)) ?? null,
          v.at,
          v.kenjoDateTime,
          v.timeZone,
          v.status,
          v.reason,
          v.isOvernightShift,
          v.overnightReason,
          v.attempts,
          v.lastError,
          v.receivedAt,
          isoOrNull(punch.deliveredAtMs),
        ]),
      );
    }
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="punches-${from}-to-${to}.csv"`)
      .header('Cache-Control', 'no-store')
      .send(lines.join(''));
  });
}
