/**
 * How much of the server one client may hold, and for how long. A lobby tablet sends at most a 1,000-punch batch
 * (about 400 kB) over Wi-Fi, so a whole request has 20 s; a body trickled slower than that, an idle socket or a
 * flood of connections is cut off instead of pinning the server.
 */
import type { Server } from 'node:net';
import type { FastifyServerOptions } from 'fastify';

export interface HttpLimits {
  /** A full batch (1,000 punches with 254-character identifiers) is about 400 kB; the limit leaves room. */
  bodyLimit: number;
  /** The whole request, headers and body, must arrive within this. */
  requestTimeoutMs: number;
  /**
   * How often Node looks for requests past their timeout; its default (30 s) would let a trickled request live up
   * to 50 s.
   */
  checkIntervalMs: number;
  /** A socket with no traffic for this long is closed. */
  connectionTimeoutMs: number;
  /** Requests served on one keep-alive socket before it is closed. */
  maxRequestsPerSocket: number;
  /** Longest path parameter (kiosk and punch ids are UUIDs). */
  maxParamLength: number;
  /** Open connections at once; further ones are dropped by Node until some close. */
  maxConnections: number;
}

export const HTTP_LIMITS: HttpLimits = {
  bodyLimit: 2 * 1024 * 1024,
  requestTimeoutMs: 20_000,
  checkIntervalMs: 1_000,
  connectionTimeoutMs: 60_000,
  maxRequestsPerSocket: 1_000,
  maxParamLength: 128,
  maxConnections: 1_024,
};

/**
 * Options of Node's own server (`http`, or merged into `https`'s). The request timeout is given here as well as to
 * Fastify: Node arms its check with the value it was constructed with, and Fastify only sets it afterwards.
 */
export function nodeServerOptions(limits: HttpLimits): {
  requestTimeout: number;
  connectionsCheckingInterval: number;
} {
  return { requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: limits.checkIntervalMs };
}

export function fastifyLimitOptions(limits: HttpLimits): FastifyServerOptions {
  return {
    bodyLimit: limits.bodyLimit,
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.connectionTimeoutMs,
    maxRequestsPerSocket: limits.maxRequestsPerSocket,
    routerOptions: { maxParamLength: limits.maxParamLength },
  };
}

export function capConnections(server: Server, limits: HttpLimits): void {
  server.maxConnections = limits.maxConnections;
}
