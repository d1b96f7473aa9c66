import type { KioskSeen } from '../ledger/ledger';
import { type CommittedPunch, commitBatch } from './commit-batch';
import type { IngestContext, PreparedPunch } from './types';

/**
 * Group commit for ingest. Batches whose checks finish while the ledger is busy with another (the usual case when
 * several kiosks send at once) are committed together: each batch's duplicate and double-scan checks and its insert
 * run in a savepoint of its own, synchronously, inside one transaction, so the batches share one commit and one
 * write of the index pages they have in common. Every batch is still stored whole or not at all: one that throws
 * rolls back alone and its request fails, the others commit. A batch checks against the batches committed before it
 * in the group as against stored ones, so a double scan split over two kiosks is caught as before. Nothing is
 * answered before the commit that holds the batch returns.
 */
interface Waiting {
  ctx: IngestContext;
  seen: KioskSeen;
  prepared: readonly PreparedPunch[];
  resolve: (committed: CommittedPunch[]) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; committed: CommittedPunch[] } | { ok: false; error: unknown };

/** One queue per ledger: the batches of every request that writes to it. */
const queues = new WeakMap<IngestContext['ledger'], Waiting[]>();

function employeesOf(prepared: readonly PreparedPunch[]): string[] {
  return prepared.flatMap((entry) =>
    entry.kind === 'store' && entry.record.employeeKey !== null ? [entry.record.employeeKey] : [],
  );
}

function flush(ledger: IngestContext['ledger']): void {
  const group = queues.get(ledger) ?? [];
  queues.delete(ledger);
  let outcomes: Outcome[];
  try {
    outcomes = ledger.atomically(() => {
      // The group's people are held before any batch reads their punches: another instance storing a punch of one of
      // them between this group's double-scan check and its insert would escape the window. One call for the whole
      // group takes the locks in one order, so two instances' groups cannot deadlock.
      ledger.lockEmployees(group.flatMap((entry) => employeesOf(entry.prepared)));
      return group.map((entry): Outcome => {
        try {
          return {
            ok: true,
            committed: ledger.atomically(() => commitBatch(entry.ctx, entry.seen, entry.prepared)),
          };
        } catch (error) {
          return { ok: false, error };
        }
      });
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
    const waiting = queues.get(ctx.ledger);
    const entry = { ctx, seen, prepared, resolve, reject };
    if (waiting !== undefined) {
      waiting.push(entry);
      return;
    }
    queues.set(ctx.ledger, [entry]);
    setImmediate(() => flush(ctx.ledger));
  });
}
