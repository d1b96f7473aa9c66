import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { adminOf } from '../auth/admin-auth';
import { PAIRING_CODE_TTL_MS, hashToken, newKioskToken, newPairingCode } from '../auth/tokens';
import { HttpError } from '../http/errors';
import { parseRequest } from '../http/parse';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { KioskRecord } from '../ledger/ledger';
import type { RouteDeps } from '../routes/deps';
import { kioskView } from './kiosk-view';
import { kioskIdParams, kioskName, timeZone } from '../routes/schemas';

const createBody = z.strictObject({ name: kioskName, timeZone: timeZone.optional() });
const patchBody = z
  .strictObject({ name: kioskName.optional(), timeZone: timeZone.optional() })
  .refine(
    (patch) => patch.name !== undefined || patch.timeZone !== undefined,
    'name or timeZone is required',
  );

async function issuePairingCode(ledger: AsyncLedger, kioskId: string, nowMs: number) {
  const pairingCode = newPairingCode();
  const expiresAtMs = nowMs + PAIRING_CODE_TTL_MS;
  await ledger.insertPairingCode(hashToken(pairingCode), kioskId, expiresAtMs);
  return { pairingCode, expiresAt: new Date(expiresAtMs).toISOString() };
}

async function existingKiosk(ledger: AsyncLedger, id: string): Promise<KioskRecord> {
  const kiosk = await ledger.getKiosk(id);
  if (!kiosk) throw new HttpError(404, 'kiosk-not-found', `There is no kiosk ${id}.`);
  return kiosk;
}

/** Kiosks: created by an operator with a token shown once and a pairing code a person types on the tablet. */
export function registerAdminKiosks(app: FastifyInstance, { config, services, adminAuth }: RouteDeps): void {
  const { ledger } = services;
  const audit = (actor: string, action: string, target: string, detail: Record<string, unknown> = {}) =>
    ledger.appendAudit({ atMs: services.now(), actor, action, target, reason: null, detail });

  app.post('/api/v1/admin/kiosks', { onRequest: adminAuth }, async (request, reply) => {
    const body = parseRequest(createBody, request.body, 'body');
    const nowMs = services.now();
    const kiosk: KioskRecord = {
      id: randomUUID(),
      name: body.name,
      timeZone: body.timeZone ?? config.TIME_ZONE,
      createdAtMs: nowMs,
      revokedAtMs: null,
      lastSeenAtMs: null,
      clockErrorMs: null,
      pendingOnDevice: null,
      appVersion: null,
      storagePersisted: null,
      lastSyncAtMs: null,
    };
    const token = newKioskToken();
    await ledger.insertKiosk(kiosk, hashToken(token));
    const { pairingCode } = await issuePairingCode(ledger, kiosk.id, nowMs);
    await audit(adminOf(request).actor, 'kiosk.create', kiosk.id, {
      name: kiosk.name,
      timeZone: kiosk.timeZone,
    });
    return reply.status(201).send({ id: kiosk.id, token, pairingCode });
  });

  app.get('/api/v1/admin/kiosks', { onRequest: adminAuth }, async () => ({
    kiosks: (await ledger.listKiosks()).map(kioskView),
  }));

  app.patch('/api/v1/admin/kiosks/:id', { onRequest: adminAuth }, async (request) => {
    const { id } = parseRequest(kioskIdParams, request.params, 'params');
    const patch = parseRequest(patchBody, request.body, 'body');
    await existingKiosk(ledger, id);
    const updated = await ledger.updateKiosk(id, {
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.timeZone === undefined ? {} : { timeZone: patch.timeZone }),
    });
    if (!updated) throw new HttpError(404, 'kiosk-not-found', `There is no kiosk ${id}.`);
    await audit(adminOf(request).actor, 'kiosk.update', id, { ...patch });
    return kioskView(updated);
  });

  app.post('/api/v1/admin/kiosks/:id/revoke', { onRequest: adminAuth }, async (request) => {
    const { id } = parseRequest(kioskIdParams, request.params, 'params');
    const kiosk = await existingKiosk(ledger, id);
    if (kiosk.revokedAtMs !== null) return kioskView(kiosk);
    const revoked = (await ledger.revokeKiosk(id, services.now())) ?? kiosk;
    await audit(adminOf(request).actor, 'kiosk.revoke', id);
    request.log.info({ kioskId: id }, 'kiosk revoked');
    return kioskView(revoked);
  });

  app.post('/api/v1/admin/kiosks/:id/pairing-code', { onRequest: adminAuth }, async (request, reply) => {
    const { id } = parseRequest(kioskIdParams, request.params, 'params');
    // For a revoked kiosk too: pairing with this code makes it active again under a new token.
    await existingKiosk(ledger, id);
    const issued = await issuePairingCode(ledger, id, services.now());
    await audit(adminOf(request).actor, 'kiosk.pairing-code', id);
    return reply.status(201).send(issued);
  });

  app.delete('/api/v1/admin/kiosks/:id', { onRequest: adminAuth }, async (request, reply) => {
    const { id } = parseRequest(kioskIdParams, request.params, 'params');
    const kiosk = await existingKiosk(ledger, id);
    if (kiosk.revokedAtMs === null || !(await ledger.deleteRevokedKiosk(id))) {
      throw new HttpError(409, 'kiosk-active', 'Only a revoked kiosk can be deleted; revoke it first.');
    }
    await audit(adminOf(request).actor, 'kiosk.delete', id, { name: kiosk.name });
    request.log.info({ kioskId: id }, 'kiosk deleted');
    return reply.status(204).send();
  });
}
