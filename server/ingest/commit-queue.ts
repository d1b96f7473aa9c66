import type { KioskSeen } from '../ledger/ledger';
import { type CommittedPunch, commitBatch } from './commit-batch';
import { DisplacedPunchMovedError, type IngestContext, type PreparedPunch } from './types';

/**
 * Group commit for ingest. Batches whose checks finish while the ledger is busy with another (the usual case when
 * several kiosks send at once) are committed together: each batch's duplicate and double-scan checks and its insert
 * run in a savepoint of its own inside one transaction, so the batches share one commit and one write of the index
 * pages they have in common. Every batch is still stored whole or not at all: one that throws rolls back alone and
 * its request fails, the others commit. A batch checks against the batches committed before it in the group as
 * against stored ones, so a double scan split over two kiosks is caught as before. One group at a time per ledger:
 * the next one gathers while the previous commits. Nothing is answered before the commit that holds the batch returns.
 */
interface Waiting {
  ctx: IngestContext;
  seen: KioskSeen;
  prepared: readonly PreparedPunch[];
  resolve: (committed: CommittedPunch[]) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; committed: CommittedPunch[] } | { ok: false; error: unknown };

interface Queue {
  waiting: Waiting[];
  /** A group is being committed; the waiting ones go next. */
  flushing: boolean;
}

/** One queue per ledger: the batches of every request that writes to it. */
const queues = new WeakMap<IngestContext['ledger'], Queue>();

function employeesOf(prepared: readonly PreparedPunch[]): string[] {
  return prepared.flatMap((entry) =>
    entry.kind === 'store' && entry.record.employeeKey !== null ? [entry.record.employeeKey] : [],
  );
}

async function commitGroup(ledger: IngestContext['ledger'], group: readonly Waiting[]): Promise<void> {
  let outcomes: Outcome[];
  try {
    outcomes = await ledger.atomically(async () => {
      // The group's people are held before any batch reads their punches: another instance storing a punch of one of
      // them between this group's double-scan check and its insert would escape the window. One call for the whole
      // group takes the locks in one order, so two instances' groups cannot deadlock. Each batch records its kiosk as
      // seen; the kiosks' rows are held up front, in one order (see `lockKiosks`).
      // Not awaited before the first batch: its reads go out behind the locks on the transaction's one connection,
      // and PostgreSQL runs them once the locks are held, without a round trip between (the locks are held the
      // shorter for it). A lock that fails aborts the transaction, so the batches' statements fail after it too.
      const locked = Promise.all([
        ledger.lockEmployees(group.flatMap((entry) => employeesOf(entry.prepared))),
        ledger.lockKiosks([...new Set(group.map((entry) => entry.seen.kioskId))]),
      ]).then(
        () => null,
        (error: unknown) => ({ error }),
      );
      const done: Outcome[] = [];
      for (const entry of group) {
        try {
          done.push({ ok: true, committed: await commitDecidingAgain(ledger, entry) });
        } catch (error) {
          done.push({ ok: false, error });
        }
      }
      const failed = await locked;
      if (failed !== null) throw failed.error;
      return done;
    });
  } catch (error) {
    for (const entry of group) entry.reject(error);
    return;
  }
  group.forEach((entry, index) => {
    const outcome = outcomes[index];
    if (outcome?.ok) entry.resolve(outcome.committed);
    else entry.reject(outcome?.error ?? new Error('The batch was not committed.'));
  });
}

/** How often a batch is decided again when replay keeps claiming the punches it would displace (once is usual). */
const DECISIONS = 3;

/** One batch in a savepoint of its own, decided again (from a fresh read) when its decision met a replay's claim. */
async function commitDecidingAgain(
  ledger: IngestContext['ledger'],
  entry: Waiting,
): Promise<CommittedPunch[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ledger.atomically(() => commitBatch(entry.ctx, entry.seen, entry.prepared));
    } catch (error) {
      if (!(error instanceof DisplacedPunchMovedError) || attempt === DECISIONS) throw error;
    }
  }
}

async function flush(ledger: IngestContext['ledger'], queue: Queue): Promise<void> {
  queue.flushing = true;
  while (queue.waiting.length > 0) await commitGroup(ledger, queue.waiting.splice(0));
  queue.flushing = false;
}

/**
 * Commits the batch with the others that are waiting; resolves once it is on disk. The group is cut at the next
 * turn of the event loop, after the requests whose bodies already arrived have had their turn.
 */
export function commitWithOthers(
  ctx: IngestContext,
  seen: KioskSeen,
  prepared: readonly PreparedPunch[],
): Promise<CommittedPunch[]> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(ctx.ledger);
    if (queue === undefined) {
      queue = { waiting: [], flushing: false };
      queues.set(ctx.ledger, queue);
    }
    const startsGroup = queue.waiting.length === 0 && !queue.flushing;
    queue.waiting.push({ ctx, seen, prepared, resolve, reject });
    if (!startsGroup) return;
    const started = queue;
    setImmediate(() => void flush(ctx.ledger, started));
  });
}
