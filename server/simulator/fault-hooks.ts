import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rollAfterApply, rollBeforeApply } from './faults';
import { sendKenjoError } from './kenjo-error';
import type { KenjoSimulator } from './simulator';
import { answerInsteadOfKenjo, sendServerError } from './variant-hooks';

const TRACK_TIME_PATH = '/attendances/track-time';

/** Latency, then an injected 5xx or 429, on every Kenjo call, before anything is applied. */
export function installFaultHooks(api: FastifyInstance, sim: KenjoSimulator): void {
  api.addHook('onRequest', async (request, reply) => {
    sim.bump('requests');
    if (request.routeOptions.url?.endsWith(TRACK_TIME_PATH)) sim.bump('trackTimeCalls');
    const faults = sim.faults();
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    const instead = answerInsteadOfKenjo(request, reply, sim);
    if (instead !== null) return instead;
    const before = rollBeforeApply(faults, sim.random);
    if (before.kind === 'server-error') {
      sim.bump('failedBeforeApply');
      return sendServerError(
        reply,
        sim,
        before.status,
        before.status === 503 ? 'Service Unavailable' : 'Internal Server Error',
      );
    }
    if (before.kind === 'rate-limit') {
      sim.bump('failedBeforeApply');
      reply.header('Retry-After', String(faults.retryAfterS));
      return sendKenjoError(reply, 429, 'Too Many Requests');
    }
  });
}

/** Stalled connections of one simulator, so that closing it does not wait for them. */
export type StalledConnections = Map<Socket, NodeJS.Timeout>;

/**
 * After a track-time call was applied, maybe fail its response on purpose: a 500/502, a dropped connection, or a
 * response held for `stallMs` and then dropped. Returns true when the response was taken over.
 */
export function failAfterCommit(request: FastifyRequest, reply: FastifyReply, sim: KenjoSimulator): boolean {
  const faults = sim.faults();
  const after = rollAfterApply(faults, sim.random);
  if (after.kind === 'respond') return false;
  sim.bump('failedAfterApply');
  if (after.kind === '5xx') {
    void sendServerError(
      reply,
      sim,
      after.status,
      after.status === 502 ? 'Bad Gateway' : 'Internal Server Error',
    );
    return true;
  }
  reply.hijack();
  const socket = request.raw.socket;
  if (after.kind === 'drop') {
    socket.destroy();
    return true;
  }
  const timer = setTimeout(() => {
    sim.stalled.delete(socket);
    socket.destroy();
  }, faults.stallMs);
  sim.stalled.set(socket, timer);
  return true;
}

/** Drops every stalled connection now (used when the simulator closes). */
export function releaseStalled(stalled: StalledConnections): void {
  for (const [socket, timer] of stalled) {
    clearTimeout(timer);
    socket.destroy();
  }
  stalled.clear();
}
