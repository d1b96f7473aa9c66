/**
 * A Kenjo stand-in for the replay engine's unit tests: it stores applied punches like Kenjo (no duplicate detection)
 * and answers each call from a plan, so every outcome path can be driven on purpose. Its health is the real client's
 * (`Health`), fed the same way: an answer is a success, a failure or a dropped answer is trouble.
 */
import { Health } from '../kenjo/health';
import type { TrackTimeOutcome, TrackTimeRequest } from '../kenjo/types';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { Ledger } from '../ledger/ledger';
import type { ReplayKenjo } from '../replay/types';

/**
 * `commit-then-unknown`: stored, but the caller learns nothing (a dropped answer); `lost-unknown`: not stored,
 * and the caller learns nothing; `rate-limited`: 429 with a Retry-After.
 */
export type PlannedOutcome =
  'applied' | 'commit-then-unknown' | 'lost-unknown' | 'server-error' | 'rate-limited' | 'rejected';

export interface StoredPunch {
  userId: string;
  dateTime: string;
  isOvernightShift: boolean;
}

export interface FakeKenjo extends ReplayKenjo {
  stored: StoredPunch[];
  calls: TrackTimeRequest[];
  readBacks: string[];
  maxInFlight: number;
  /** While true, every track-time call fails before Kenjo reads it (an outage), whatever the plan says. */
  down: boolean;
  /** Outcomes for the next calls, in order; an empty plan applies every call. */
  plan(...outcomes: PlannedOutcome[]): void;
  /** The next `count` read-backs throw, as a client does when Kenjo cannot answer. */
  failReadBacks(count: number): void;
}

export interface FakeKenjoOptions {
  latencyMs?: number;
  retryAfterMs?: number;
  /** Called as a request arrives, before it is answered (to look at the ledger mid-call). */
  onCall?: (request: TrackTimeRequest) => void;
}

export function createFakeKenjo(options: FakeKenjoOptions = {}): FakeKenjo {
  const planned: PlannedOutcome[] = [];
  let failingReadBacks = 0;
  let inFlight = 0;
  const sleep = () => new Promise((resolve) => setTimeout(resolve, options.latencyMs ?? 0));
  const health = new Health(Date.now);

  const fake: FakeKenjo = {
    stored: [],
    calls: [],
    readBacks: [],
    maxInFlight: 0,
    down: false,
    stats: () => health.snapshot(),
    plan: (...outcomes) => void planned.push(...outcomes),
    failReadBacks: (count) => void (failingReadBacks = count),
    async trackTime(request): Promise<TrackTimeOutcome> {
      const outcome = await answer(request);
      if (outcome.kind === 'applied' || outcome.kind === 'rejected') health.succeeded();
      else health.failed(outcome.detail);
      return outcome;
    },
    /** Each stored punch as an open entry of its day, in Kenjo's published shape (the wall clock behind the Z). */
    async listAttendances(from, to) {
      fake.readBacks.push(`${from}..${to}`);
      if (failingReadBacks > 0) {
        failingReadBacks -= 1;
        health.failed('Kenjo did not answer');
        throw new Error('Kenjo did not answer');
      }
      health.succeeded();
      const entries = fake.stored
        .filter((p) => p.dateTime.slice(0, 10) >= from && p.dateTime.slice(0, 10) <= to)
        .map((p, i) => ({
          id: `entry-${i}`,
          userId: p.userId,
          email: null,
          externalId: null,
          startTime: `${p.dateTime}.000Z`,
          endTime: null,
        }));
      return { entries, skipped: 0, firstProblem: null };
    },
  };

  async function answer(request: TrackTimeRequest): Promise<TrackTimeOutcome> {
    fake.calls.push(request);
    options.onCall?.(request);
    inFlight += 1;
    fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
    await sleep();
    inFlight -= 1;
    const outcome = fake.down ? 'server-error' : (planned.shift() ?? 'applied');
    const store = () =>
      fake.stored.push({
        userId: 'userId' in request.employee ? request.employee.userId : '?',
        dateTime: request.dateTime,
        isOvernightShift: request.isOvernightShift,
      });
    switch (outcome) {
      case 'applied':
        store();
        return { kind: 'applied' };
      case 'commit-then-unknown':
        store();
        return { kind: 'unknown', detail: 'connection dropped after sending' };
      case 'lost-unknown':
        return { kind: 'unknown', detail: 'no complete answer within 300 ms' };
      case 'server-error':
        return { kind: 'not-applied', retryAfterMs: null, detail: 'HTTP 503 before the request was read' };
      case 'rate-limited':
        return { kind: 'not-applied', retryAfterMs: options.retryAfterMs ?? 1000, detail: 'HTTP 429' };
      case 'rejected':
        return { kind: 'rejected', status: 400, message: 'Employee not found' };
    }
  }
  return fake;
}

/**
 * A punch known to be in Kenjo: stored by the fake and `sent` in the ledger. Read-backs need one near the day they
 * read, as evidence of how Kenjo writes times.
 */
export async function seedKnownPunch(
  ledger: Pick<Ledger, 'transition'> | Pick<AsyncLedger, 'transition'>,
  kenjo: FakeKenjo,
  punch: { kioskId: string; id: string },
): Promise<void> {
  const sent = await ledger.transition(punch.kioskId, punch.id, {
    from: ['queued'],
    to: 'sent',
    deliveredAtMs: 0,
  });
  if (sent === null || sent.employeeKey === null)
    throw new Error('seedKnownPunch needs a resolved queued punch');
  kenjo.stored.push({ userId: sent.employeeKey, dateTime: sent.kenjoDateTime, isOvernightShift: false });
}
