/** `GET /api/v1/admin/who-is-in?site=<kioskId>`: who is in now per kiosk, and yesterday's forgotten clock-outs. */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { HttpError } from '../http/errors';
import type { RouteDeps } from '../routes/deps';
import { allPunches, employeeNames } from './admin-ledger';
import { PRESENT_STATUSES, WHO_IS_IN_LOOKBACK_MS, whoIsIn, type OpenEntry } from './who-is-in';

const query = z.object({ site: z.string().min(1).max(200).optional() });

export function registerWhoIsInRoute(app: FastifyInstance, { config, services, adminAuth }: RouteDeps): void {
  const { ledger } = services;
  app.get('/api/v1/admin/who-is-in', { onRequest: adminAuth }, async (request) => {
    const parsed = query.safeParse(request.query);
    if (!parsed.success) throw new HttpError(400, 'bad-query', 'site must be a kiosk id.');
    const { site } = parsed.data;
    const nowMs = services.now();
    const punches = await allPunches(ledger, {
      status: [...PRESENT_STATUSES],
      fromMs: nowMs - WHO_IS_IN_LOOKBACK_MS,
      toMs: nowMs,
    });
    const { present, forgotten } = whoIsIn(punches, nowMs, config.MAX_SHIFT_HOURS);
    const nameOf = await employeeNames(ledger);
    const kioskNames = new Map((await ledger.listKiosks()).map((k) => [k.id, k.name]));
    const view = (entry: OpenEntry) => ({
      employee: entry.punch.employee,
      employeeKey: entry.punch.employeeKey,
      employeeName: nameOf(entry.punch),
      kioskId: entry.punch.kioskId,
      since: entry.punch.at,
      sinceWallTime: entry.punch.kenjoDateTime,
      overnight: entry.overnight,
    });
    const inSite = (entry: OpenEntry) => site === undefined || entry.punch.kioskId === site;
    const sites = new Map<string, ReturnType<typeof view>[]>();
    for (const entry of present.filter(inSite)) {
      const list = sites.get(entry.punch.kioskId) ?? [];
      list.push(view(entry));
      sites.set(entry.punch.kioskId, list);
    }
    return {
      at: new Date(nowMs).toISOString(),
      sites: [...sites].map(([kioskId, people]) => ({
        kioskId,
        kioskName: kioskNames.get(kioskId) ?? null,
        people,
      })),
      presentCount: present.filter(inSite).length,
      forgotten: forgotten.filter(inSite).map(view),
    };
  });
}
