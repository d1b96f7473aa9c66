import type { FastifyReply } from 'fastify';

/** Kenjo's one error body: `{"code": <status>, "message": "..."}`. */
export interface KenjoErrorBody {
  code: number;
  message: string;
}

export function sendKenjoError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.status(status).send({ code: status, message } satisfies KenjoErrorBody);
}
