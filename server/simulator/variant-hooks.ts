import type { FastifyReply, FastifyRequest } from 'fastify';
import { CAPTIVE_PORTAL_HTML, GATEWAY_HTML } from './api-variants';
import { sendKenjoError } from './kenjo-error';
import type { KenjoSimulator } from './simulator';

const LOGIN_PATH = '/auth/login';
const TRACK_TIME_PATH = '/attendances/track-time';

const WRONG_URL_HTML =
  '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>Not Found</body></html>';

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(html);
}

/** A 5xx as Kenjo answers it, or as a gateway in front of it does when `htmlGatewayErrors` is on. */
export function sendServerError(
  reply: FastifyReply,
  sim: KenjoSimulator,
  status: 500 | 502 | 503,
  message: string,
): FastifyReply {
  if (sim.faults().htmlGatewayErrors) return sendHtml(reply, 502, GATEWAY_HTML);
  return sendKenjoError(reply, status, message);
}

/**
 * The variants that answer instead of Kenjo, before anything is applied: a refusal of every call (403 as Kenjo's
 * JSON, 404 as the HTML page of whatever server a wrong base URL reaches), and a captive portal's `200` HTML page on
 * track-time. Returns the reply when it answered.
 */
export function answerInsteadOfKenjo(
  request: FastifyRequest,
  reply: FastifyReply,
  sim: KenjoSimulator,
): FastifyReply | null {
  const faults = sim.faults();
  const url = request.routeOptions.url ?? request.url;
  const isLogin = url.endsWith(LOGIN_PATH);
  if (faults.refuseAllWith !== 0 && (faults.refuseLogin || !isLogin)) {
    sim.bump('failedBeforeApply');
    return faults.refuseAllWith === 404
      ? sendHtml(reply, 404, WRONG_URL_HTML)
      : sendKenjoError(reply, 403, 'Forbidden: the API key has no access to this resource.');
  }
  if (
    url.endsWith(TRACK_TIME_PATH) &&
    faults.captivePortalRate > 0 &&
    sim.random() < faults.captivePortalRate
  ) {
    sim.bump('failedBeforeApply');
    return sendHtml(reply, 200, CAPTIVE_PORTAL_HTML);
  }
  return null;
}
