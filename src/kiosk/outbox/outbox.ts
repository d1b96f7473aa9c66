/**
 * The outbox: punches that exist only on this device. `enqueueIfDue` resolves only once the punch is on disk (strict
 * durability), so feedback shown afterwards never promises a punch a crash could lose. A punch leaves the outbox
 * only through `ack`, with the proxy's answer for it, which stays in history (and the person's name, when the
 * answer carries one, in `names`). An `ack` of acceptances only is written with relaxed durability: a crash that
 * loses it leaves the punches in the outbox, and sending them again under the same ids is answered as duplicates.
 * An `ack` with a refusal is strict: the refusal is kept for staff to follow up and is not redone by a resend.
 */
import { MAX_BATCH_SIZE } from '../../../core/punch';
import { kioskDb } from './db';
import { pruneNames } from './names';
import type { HistoryEntry, StoredPunch } from './schema';

export interface PunchAnswer {
  id: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  reason?: string;
  /** Why, as a code the kiosk translates, with its parameters. */
  code?: string;
  params?: Record<string, string | number>;
  /** The employee's name (never on a refusal). */
  name?: string;
}

/** What one committed change may have altered: always the pending count; `answered` when the proxy answered punches
 * (their states and the names it told changed); `refused` when a punch was refused (the refused list grew). */
export interface OutboxChange {
  answered: boolean;
  refused: boolean;
}

type Listener = (change: OutboxChange) => void;
const listeners = new Set<Listener>();

/** Called after every committed change to the outbox or history (pending count, feedback state). */
export function onOutboxChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(change: OutboxChange): void {
  for (const listener of listeners) listener(change);
}

/** A person's punches on this device with instants in `[fromMs, toMs]`, and the name this kiosk was told for them. */
export interface PersonOnDevice {
  punches: HistoryEntry[];
  name: string | null;
}

/**
 * Reads what deciding a scan needs (`PersonOnDevice`), lets `decide` say whether it is a punch, and stores that punch,
 * all in one transaction: a scan waits for one round trip to the database instead of two, and no other write can
 * come between the reading and the writing.
 */
export async function enqueueIfDue<T>(
  employeeKey: string,
  fromMs: number,
  toMs: number,
  decide: (person: PersonOnDevice) => { punch: StoredPunch | null; result: T },
): Promise<T> {
  const db = await kioskDb();
  const tx = db.transaction(['history', 'names', 'outbox'], 'readwrite', { durability: 'strict' });
  const range = IDBKeyRange.bound([employeeKey, fromMs], [employeeKey, toMs]);
  const [punches, known] = await Promise.all([
    tx.objectStore('history').index('by-employee').getAll(range),
    tx.objectStore('names').get(employeeKey),
  ]);
  const { punch, result } = decide({ punches, name: known?.name ?? null });
  if (punch) {
    void tx.objectStore('outbox').put(punch);
    void tx.objectStore('history').put({ ...punch, state: 'waiting' });
  }
  // Nothing more is asked of it: committed now, the browser need not first answer each write to this page and see
  // that no request follows, a round trip the person waiting for the answer would otherwise wait for.
  tx.commit();
  await tx.done;
  if (punch) changed({ answered: false, refused: false });
  return result;
}

/** The oldest waiting punches, by instant, at most `limit` (the protocol's batch limit). */
export async function peekBatch(limit: number = MAX_BATCH_SIZE): Promise<StoredPunch[]> {
  const db = await kioskDb();
  return db.getAllFromIndex('outbox', 'by-at', undefined, Math.min(limit, MAX_BATCH_SIZE));
}

/**
 * How durably `ack` stores `answers`: relaxed (the browser may confirm before the disk has it, which on a slow tablet
 * is work and waiting taken off the screen's way) when losing the write only means sending the punches again.
 */
export function ackDurability(answers: readonly PunchAnswer[]): IDBTransactionDurability {
  return answers.some((answer) => answer.status === 'rejected') ? 'strict' : 'relaxed';
}

/** Removes answered punches from the outbox and records the answers in history and names, in one transaction. */
export async function ack(answers: readonly PunchAnswer[], answeredAtMs: number): Promise<void> {
  if (answers.length === 0) return;
  const db = await kioskDb();
  const tx = db.transaction(['outbox', 'history', 'names'], 'readwrite', {
    durability: ackDurability(answers),
  });
  const outbox = tx.objectStore('outbox');
  const history = tx.objectStore('history');
  const names = tx.objectStore('names');
  const named = await Promise.all(
    answers.map(async (answer) => {
      const punch = await outbox.get(answer.id);
      if (!punch) return false;
      const entry: HistoryEntry = { ...punch, state: answer.status, answeredAtMs };
      if (answer.reason !== undefined) entry.reason = answer.reason;
      if (typeof answer.code === 'string') entry.reasonCode = answer.code;
      if (answer.params !== undefined) entry.reasonParams = answer.params;
      const name = answer.status !== 'rejected' && typeof answer.name === 'string' ? answer.name : null;
      if (name !== null) void names.put({ employeeKey: punch.employeeKey, name, answeredAtMs });
      await Promise.all([outbox.delete(answer.id), history.put(entry)]);
      return name !== null;
    }),
  );
  if (named.includes(true)) await pruneNames(names);
  await tx.done;
  changed({ answered: true, refused: answers.some((answer) => answer.status === 'rejected') });
}

export async function count(): Promise<number> {
  const db = await kioskDb();
  return db.count('outbox');
}
