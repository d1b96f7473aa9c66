/**
 * The outbox: punches that exist only on this device. `storeScan` resolves only once the punch is on disk (strict
 * durability), so feedback shown afterwards never promises a punch a crash could lose. A punch leaves the outbox
 * only through `ack`, with the proxy's answer for it (a scan found not to be a punch leaves at once, `dropScan`), which stays in history (and the person's name, when the
 * answer carries one, in `names`). An `ack` of acceptances only is written with relaxed durability: a crash that
 * loses it leaves the punches in the outbox, and sending them again under the same ids is answered as duplicates.
 * An `ack` with a refusal is strict: the refusal is kept for staff to follow up and is not redone by a resend.
 */
import { MAX_BATCH_SIZE } from '../../../core/punch';
import type { IDBPDatabase } from 'idb';
import { kioskDb } from './db';
import { pruneNames } from './names';
import { noteWritten, person, warm, type PersonOnDevice } from './people';
import type { HistoryEntry, KioskDb, StoredPunch } from './schema';

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

type ScanStores = ReturnType<typeof scanTransaction>;

function scanTransaction(db: IDBPDatabase<KioskDb>) {
  return db.transaction(['outbox', 'history'], 'readwrite', { durability: 'strict' });
}

/**
 * One strict write of a scan to outbox and history. It is committed as soon as its writes are asked for: the browser
 * need not first answer each write to this page and see that no request follows, a round trip the person waiting
 * for the answer would otherwise wait for. Its transaction is created before any read of the outbox that starts
 * after this call (the shared connection is already open), so every such read sees the write.
 */
async function writeScan(write: (tx: ScanStores) => void): Promise<void> {
  const tx = scanTransaction(await kioskDb());
  write(tx);
  tx.commit();
  await tx.done;
}

/**
 * Stores a scan as a waiting punch, before it is decided: it is on disk (strict durability) when this resolves, so
 * the answer that follows never shows a punch a crash could lose, and the write runs while the directory is searched
 * rather than after it. `employeeKey` may still change (`keepScan`); a scan that is not a punch is removed
 * (`dropScan`). Were a crash to come in between, the proxy, which judges every punch, would decide it.
 */
export async function storeScan(punch: StoredPunch): Promise<void> {
  await writeScan((tx) => {
    void tx.objectStore('outbox').put(punch);
    void tx.objectStore('history').put({ ...punch, state: 'waiting' });
  });
}

/**
 * What deciding a scan reads: the punches in `[fromMs, toMs]` (but the scan itself, `scanId`) of a person kept here
 * under `employeeKeys`, and their name, from memory (`people.ts`).
 */
export async function personOnDevice(
  employeeKeys: readonly string[],
  fromMs: number,
  toMs: number,
  scanId?: string,
): Promise<PersonOnDevice> {
  return person(await kioskDb(), employeeKeys, fromMs, toMs, scanId);
}

/**
 * The scan stored by `storeScan` is a punch of `employeeKey`. Nobody need wait for this: the punch is on disk. A
 * drain may have sent and answered it meanwhile (an answer held longer than `holdForAnswer` waits): its answer is
 * kept, under the new key, and it does not go back into the outbox.
 */
export async function keepScan(scan: StoredPunch, employeeKey: string): Promise<void> {
  const punch = { ...scan, employeeKey };
  noteWritten({ kept: [{ ...punch, state: 'waiting' }] });
  if (employeeKey !== scan.employeeKey) {
    const tx = scanTransaction(await kioskDb());
    const outbox = tx.objectStore('outbox');
    const history = tx.objectStore('history');
    const [waiting, entry] = await Promise.all([outbox.get(scan.id), history.get(scan.id)]);
    if (waiting) void outbox.put(punch);
    if (entry) void history.put({ ...entry, employeeKey });
    tx.commit();
    await tx.done;
  }
  changed({ answered: false, refused: false });
}

/** The scan stored by `storeScan` is not a punch (a double scan, an unknown badge): it leaves outbox and history. */
export async function dropScan(scan: StoredPunch): Promise<void> {
  await writeScan((tx) => {
    void tx.objectStore('outbox').delete(scan.id);
    void tx.objectStore('history').delete(scan.id);
  });
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
  const entries: HistoryEntry[] = [];
  const told: Array<[string, string]> = [];
  const named = await Promise.all(
    answers.map(async (answer) => {
      const punch = await outbox.get(answer.id);
      if (!punch) return false;
      const entry: HistoryEntry = { ...punch, state: answer.status, answeredAtMs };
      if (answer.reason !== undefined) entry.reason = answer.reason;
      if (typeof answer.code === 'string') entry.reasonCode = answer.code;
      if (answer.params !== undefined) entry.reasonParams = answer.params;
      const name = answer.status !== 'rejected' && typeof answer.name === 'string' ? answer.name : null;
      if (name !== null) {
        void names.put({ employeeKey: punch.employeeKey, name, answeredAtMs });
        told.push([punch.employeeKey, name]);
      }
      entries.push(entry);
      await Promise.all([outbox.delete(answer.id), history.put(entry)]);
      return name !== null;
    }),
  );
  if (named.includes(true)) await pruneNames(names);
  await tx.done;
  noteWritten({ entries, names: told });
  changed({ answered: true, refused: answers.some((answer) => answer.status === 'rejected') });
}

/** Reads what deciding a scan needs now (`people.ts`), so that the first scan does not wait for it. */
export async function warmPeople(nowMs: number): Promise<void> {
  await warm(await kioskDb(), nowMs);
}

export async function count(): Promise<number> {
  const db = await kioskDb();
  return db.count('outbox');
}
