import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { lockWithPin, pinProblem, SETTINGS_PIN } from '../../core/settings-pin';
import { adminOf } from '../auth/admin-auth';
import { loadSettingsLock, saveSettingsLock } from '../auth/settings-lock-store';
import { HttpError } from '../http/errors';
import { parseRequest } from '../http/parse';
import type { RouteDeps } from '../routes/deps';

const pinBody = z.strictObject({ pin: z.string().max(64) });

const PROBLEMS = {
  'not-digits': 'The PIN must be digits only.',
  'too-short': `The PIN must have at least ${SETTINGS_PIN.minLength} digits.`,
  'too-long': `The PIN must have at most ${SETTINGS_PIN.maxLength} digits.`,
} as const;

/**
 * The PIN that opens every kiosk's settings: whether one is set, set it, remove it. The answer never holds the PIN
 * or its hash; the audit log says that it changed, not to what.
 */
export function registerSettingsPinRoute(app: FastifyInstance, { services, adminAuth }: RouteDeps): void {
  const { ledger } = services;
  const url = '/api/v1/admin/kiosk-settings-pin';
  const audit = (actor: string, action: string) =>
    ledger.appendAudit({ atMs: services.now(), actor, action, target: 'kiosks', reason: null, detail: {} });

  app.get(url, { onRequest: adminAuth }, async () => ({ set: (await loadSettingsLock(ledger)) !== null }));

  app.put(url, { onRequest: adminAuth }, async (request) => {
    const { pin } = parseRequest(pinBody, request.body, 'body');
    const problem = pinProblem(pin);
    if (problem !== null) throw new HttpError(400, 'invalid-pin', PROBLEMS[problem]);
    await saveSettingsLock(ledger, await lockWithPin(pin));
    await audit(adminOf(request).actor, 'kiosk.settings-pin');
    return { set: true };
  });

  app.delete(url, { onRequest: adminAuth }, async (request) => {
    await saveSettingsLock(ledger, null);
    await audit(adminOf(request).actor, 'kiosk.settings-pin-removed');
    return { set: false };
  });
}
