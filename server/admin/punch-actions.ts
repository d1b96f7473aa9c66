import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { isHeldForKenjoCheck } from '../../core/held-punch';
import { reasonText } from '../../core/punch-reason';
import type { EmployeeRef } from '../../core/punch';
import { validatePunch } from '../../core/validate-punch';
import { adminOf } from '../auth/admin-auth';
import { HttpError } from '../http/errors';
import { parseRequest } from '../http/parse';
import type { LedgerPunch, PunchTransition } from '../ledger/ledger';
import type { RouteDeps } from '../routes/deps';
import { employeeNames } from './admin-ledger';
import { toPunchView } from './punch-view';
import { employeeRef, operatorReason, punchParams } from '../routes/schemas';

const ACTIONABLE = ['failed', 'rejected'] as const;

const retryBody = z.strictObject({ reason: operatorReason.optional() }).optional();
const discardBody = z.strictObject({ reason: operatorReason });
const reassignBody = z.strictObject({ employee: employeeRef, reason: operatorReason });
const confirmBody = z.strictObject({ reason: operatorReason.optional() }).optional();

/**
 * An operator's way out for a punch that cannot go on by itself (`failed` or `rejected`): send it again, send it
 * for another employee, or discard it with a reason; for a punch held because Kenjo may already have it, confirm
 * that Kenjo has it (marked sent without a call). Each action is a guarded transition plus an audit entry.
 */
export function registerPunchActions(app: FastifyInstance, { services, adminAuth }: RouteDeps): void {
  const { ledger, directory } = services;

  async function actionablePunch(request: FastifyRequest): Promise<LedgerPunch> {
    const { kioskId, id } = parseRequest(punchParams, request.params, 'params');
    const punch = await ledger.getPunch(kioskId, id);
    if (!punch) throw new HttpError(404, 'punch-not-found', `Kiosk ${kioskId} has no punch ${id}.`);
    if (!(ACTIONABLE as readonly string[]).includes(punch.status)) {
      throw new HttpError(
        409,
        'punch-not-actionable',
        `This punch is ${punch.status}; only failed or rejected punches can be changed.`,
      );
    }
    return punch;
  }

  function assertSendable(punch: LedgerPunch, employee: EmployeeRef): void {
    const checked = validatePunch({ id: punch.id, employee, at: punch.at });
    if (!checked.ok) {
      throw new HttpError(
        409,
        'punch-not-sendable',
        `This punch cannot be sent (${checked.message}); discard it.`,
      );
    }
  }

  async function apply(
    request: FastifyRequest,
    punch: LedgerPunch,
    action: string,
    reason: string | null,
    change: Omit<PunchTransition, 'from'>,
    detail: Record<string, unknown> = {},
  ) {
    const updated = await ledger.transition(punch.kioskId, punch.id, {
      from: [...ACTIONABLE],
      ...change,
      seq: punch.seq,
    });
    if (!updated)
      throw new HttpError(409, 'punch-not-actionable', 'This punch changed meanwhile; reload it.');
    const actor = adminOf(request).actor;
    await ledger.appendAudit({
      atMs: services.now(),
      actor,
      action,
      target: `${punch.kioskId}/${punch.id}`,
      reason,
      detail: { from: punch.status, ...detail },
    });
    request.log.info(
      { kioskId: punch.kioskId, punchId: punch.id, status: updated.status, actor, reason },
      `punch ${action.replace('punch.', '')}`,
    );
    return toPunchView(updated, await employeeNames(ledger));
  }

  const requeue = { to: 'queued', reason: null, lastError: null, nextAttemptAtMs: null } as const;

  app.post('/api/v1/admin/punches/:kioskId/:id/retry', { onRequest: adminAuth }, async (request) => {
    const body = parseRequest(retryBody, request.body, 'body');
    const punch = await actionablePunch(request);
    assertSendable(punch, punch.employee);
    const view = await apply(request, punch, 'punch.retry', body?.reason ?? null, requeue);
    services.replay.kick();
    return view;
  });

  app.post('/api/v1/admin/punches/:kioskId/:id/discard', { onRequest: adminAuth }, async (request) => {
    const body = parseRequest(discardBody, request.body, 'body');
    const punch = await actionablePunch(request);
    return apply(request, punch, 'punch.discard', body.reason, { to: 'discarded', reason: body.reason });
  });

  app.post('/api/v1/admin/punches/:kioskId/:id/reassign', { onRequest: adminAuth }, async (request) => {
    const body = parseRequest(reassignBody, request.body, 'body');
    const { employee } = body;
    const punch = await actionablePunch(request);
    assertSendable(punch, employee);
    const answer = await directory.resolve(employee);
    if (answer.kind === 'unknown' || answer.kind === 'inactive') {
      throw new HttpError(
        422,
        `${answer.kind}-employee`,
        `${reasonText(answer.reason)}; choose another employee.`,
      );
    }
    // An unavailable directory leaves the key open; replay resolves it (and fails the punch if it is unknown).
    const employeeKey = answer.kind === 'found' ? answer.userId : null;
    const view = await apply(
      request,
      await actionablePunch(request),
      'punch.reassign',
      body.reason,
      { ...requeue, employee, employeeKey },
      { fromEmployee: punch.employee, toEmployee: employee },
    );
    services.replay.kick();
    return view;
  });

  app.post('/api/v1/admin/punches/:kioskId/:id/confirm', { onRequest: adminAuth }, async (request) => {
    const body = parseRequest(confirmBody, request.body, 'body');
    const punch = await actionablePunch(request);
    if (punch.status !== 'failed' || !isHeldForKenjoCheck(punch.reason, punch.reasonCode)) {
      throw new HttpError(
        409,
        'punch-not-held',
        'Only a punch held because Kenjo may already have it can be confirmed as in Kenjo.',
      );
    }
    const view = await apply(request, punch, 'punch.confirm', body?.reason ?? null, {
      to: 'sent',
      deliveredAtMs: services.now(),
      lastError: null,
      nextAttemptAtMs: null,
    });
    // The employee's later punches waited behind this one.
    services.replay.kick();
    return view;
  });
}
