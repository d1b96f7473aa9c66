/** A GET whose answer must be 2xx and match a schema; anything else is `KenjoUnavailableError`. */
import type * as z from 'zod';
import { configurationSentence } from './configuration';
import { KenjoUnavailableError } from './errors';
import type { Health } from './health';
import { errorMessage, type HttpRequest } from './http';
import type { Session } from './session';
import type { KenjoLogger } from './types';

export interface ReadContext {
  session: Session;
  health: Health;
  logger?: KenjoLogger | undefined;
}

export async function readJson<T>(
  { session, health }: ReadContext,
  request: Omit<HttpRequest, 'method'>,
  schema: z.ZodType<T>,
): Promise<T> {
  try {
    const result = await session.send({ ...request, method: 'GET' });
    if (result.kind === 'failure') {
      throw new KenjoUnavailableError(`GET ${request.path}: ${result.failure.detail}`);
    }
    const sentence = configurationSentence(request.path, result.status, result.body);
    if (sentence !== null) {
      health.misconfigured(request.path, sentence);
      throw new KenjoUnavailableError(sentence);
    }
    if (result.status < 200 || result.status >= 300) {
      throw new KenjoUnavailableError(
        `GET ${request.path} answered ${result.status}: ${errorMessage(result.status, result.body)}`,
      );
    }
    const parsed = schema.safeParse(result.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new KenjoUnavailableError(
        `GET ${request.path} answered an unexpected shape at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    health.succeeded(request.path);
    return parsed.data;
  } catch (err) {
    const error =
      err instanceof KenjoUnavailableError
        ? err
        : new KenjoUnavailableError(`GET ${request.path}: ${String(err)}`, { cause: err });
    health.failed(error.message);
    throw error;
  }
}
