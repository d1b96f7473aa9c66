/**
 * The errors Fastify answers outside the error handler, in the contract's body: what Node refuses before a request
 * exists (a request or its headers too slow, headers too large, a malformed request line) and what the router
 * refuses before a route runs (bad %-encoding, a parameter over `maxParamLength`).
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { errorBody } from './errors';

interface NodeClientError extends Error {
  code?: string;
}

function clientErrorStatus(code: string | undefined): [number, string, string] {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'request-timeout', 'The request took too long to arrive; send it again.'];
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'headers-too-large', 'The request line or headers are too large.'];
    default:
      return [400, 'bad-request', 'The request is not valid HTTP.'];
  }
}

export function clientErrorHandler(err: NodeClientError, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] = clientErrorStatus(err.code);
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
) => {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return reply.status(414).send(errorBody('uri-too-long', 'A part of the address is too long.'));
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return reply.status(400).send(errorBody('bad-url', 'The address is not validly %-encoded.'));
  }
  return reply.status(400).send(errorBody('bad-request', 'The request could not be routed.'));
};
