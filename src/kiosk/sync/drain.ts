/**
 * Sends the outbox to the proxy in batches until it is empty or the proxy cannot be reached. A punch leaves the
 * outbox only when the proxy answered for it (accepted, duplicate or rejected); anything unanswered stays and is
 * sent again later under the same id, which the proxy recognises as a duplicate.
 */
import { MAX_BATCH_SIZE } from '../../../core/punch';
import { postPunches } from '../api/kiosk-api';
import { UnauthorizedError, type FetchFn } from '../api/http';
import { ack, peekBatch } from '../outbox/outbox';
import { formatInstant } from '../punch/instant';

export type DrainOutcome =
  | { kind: 'drained'; answered: number }
  | { kind: 'unreachable'; answered: number; detail: string }
  | { kind: 'unauthorized'; answered: number };

export interface DrainOptions {
  fetch: FetchFn;
  token: string;
  now: () => number;
  timeZone: string;
  batchSize?: number;
  /**
   * Resolves when the kiosk may read the outbox, send, or take in the proxy's answers: not while it is answering a
   * person, from the scan's first key to the answer on screen. At once if unset.
   */
  settle?: () => Promise<void>;
}

export async function drainOutbox(options: DrainOptions): Promise<DrainOutcome> {
  const batchSize = Math.min(options.batchSize ?? MAX_BATCH_SIZE, MAX_BATCH_SIZE);
  let answered = 0;
  for (;;) {
    await options.settle?.();
    const batch = await peekBatch(batchSize);
    if (batch.length === 0) return { kind: 'drained', answered };
    const punches = batch.map(({ id, employee, at }) => ({ id, employee, at }));
    let results;
    try {
      // A scan that began during the read: the request and its answer's parsing wait for that answer.
      await options.settle?.();
      results = await postPunches(
        options.fetch,
        options.token,
        formatInstant(options.now(), options.timeZone),
        punches,
      );
    } catch (error) {
      if (error instanceof UnauthorizedError) return { kind: 'unauthorized', answered };
      return {
        kind: 'unreachable',
        answered,
        detail: error instanceof Error ? error.message : String(error),
      };
    }
    await options.settle?.();
    const sentIds = new Set(punches.map((p) => p.id));
    const answers = results.filter((r) => sentIds.has(r.id) && isAnswerStatus(r.status));
    await ack(answers, options.now());
    answered += answers.length;
    // An answer that leaves punches of the batch unanswered is retried later rather than in a tight loop.
    if (answers.length < batch.length) {
      return {
        kind: 'unreachable',
        answered,
        detail: `${batch.length - answers.length} punches were not answered`,
      };
    }
    // A batch short of the limit was the whole outbox when read; a punch stored since asks for a drain of its own
    // (the engine runs one more), so reading the outbox again would only cost each punch one more read.
    if (batch.length < batchSize) return { kind: 'drained', answered };
  }
}

function isAnswerStatus(status: unknown): boolean {
  return status === 'accepted' || status === 'duplicate' || status === 'rejected';
}
