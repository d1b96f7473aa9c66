import type { KioskRecord, KioskSeen, Ledger, LedgerStatus, NewPunch } from '../ledger/ledger';
import type Database from 'better-sqlite3';
import type { AsyncLedger } from '../ledger/async-ledger';
import { openDatabase } from '../ledger/open-database';
import { asyncSqliteLedger } from '../ledger/sqlite-async-ledger';
import { createSqliteLedger } from '../ledger/sqlite-ledger';

/** Small builders for the ledger's tests; every field can be overridden. */
let counter = 0;

export function newPunch(overrides: Partial<NewPunch> = {}): NewPunch {
  counter += 1;
  const atMs = overrides.atMs ?? Date.UTC(2026, 1, 4, 7, 0, 0) + counter * 1000;
  return {
    kioskId: 'kiosk-1',
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    employee: { externalId: 'B-1001' },
    employeeKey: 'emp-1',
    at: new Date(atMs).toISOString(),
    atMs,
    timeZone: 'Europe/Berlin',
    kenjoDateTime: new Date(atMs + 3_600_000).toISOString().slice(0, 19),
    status: 'queued',
    reason: null,
    receivedAtMs: atMs + 500,
    ...overrides,
  };
}

export function newKiosk(overrides: Partial<KioskRecord> = {}): KioskRecord {
  counter += 1;
  return {
    id: `kiosk-${counter}`,
    name: `Door ${counter}`,
    timeZone: 'Europe/Berlin',
    createdAtMs: 1_000 + counter,
    revokedAtMs: null,
    lastSeenAtMs: null,
    clockErrorMs: null,
    pendingOnDevice: null,
    appVersion: null,
    storagePersisted: null,
    lastSyncAtMs: null,
    ...overrides,
  };
}

const twins = new WeakMap<Ledger, AsyncLedger>();

/**
 * A SQLite ledger over `db` for a test to seed and read at once; `asyncOf` gives the same ledger, over the same
 * database, as the server's code uses it (through promises).
 */
export function sqliteTestLedger(db: Database.Database): Ledger {
  const sync = createSqliteLedger(db);
  twins.set(sync, asyncSqliteLedger(db));
  return sync;
}

export function memoryLedger(): Ledger {
  return sqliteTestLedger(openDatabase(':memory:'));
}

/** `${dataDir}/ledger.sqlite`, as `memoryLedger` is. */
export function fileLedger(dataDir: string): Ledger {
  return sqliteTestLedger(openDatabase(dataDir));
}

/** The promise-returning face of a ledger made by `memoryLedger`, `fileLedger` or `sqliteTestLedger`. */
export function asyncOf(sync: Ledger): AsyncLedger {
  const twin = twins.get(sync);
  if (twin === undefined) throw new Error('not a ledger of the test factories');
  return twin;
}

/** An id no kiosk has, so that a batch stored under it records no kiosk's contact. */
const NO_KIOSK: KioskSeen = { kioskId: '', clockErrorMs: 0, lastSeenAtMs: 0 };

/**
 * Stores the punches (of any kiosks) in one transaction, as ingest would, without touching any kiosk's record; answers
 * as the ledger does (at once for SQLite's, through a promise for the promise-returning ledgers).
 */
export function insertPunches<R>(
  ledger: { insertKioskBatch(seen: KioskSeen, punches: readonly NewPunch[]): R },
  punches: readonly NewPunch[],
): R {
  return ledger.insertKioskBatch(NO_KIOSK, punches);
}

export type StoredPunch = Omit<Partial<NewPunch>, 'status'> & {
  status?: LedgerStatus;
  nextAttemptAtMs?: number;
};

/** A stored punch in any state, with `id` = name: states beyond ingest's three are reached through `transition`. */
export async function storePunch(
  ledger: AsyncLedger,
  name: string,
  overrides: StoredPunch = {},
): Promise<NewPunch> {
  const { status = 'queued', nextAttemptAtMs, ...rest } = overrides;
  const punch = newPunch({ ...rest, id: name, status: 'queued' });
  await insertPunches(ledger, [punch]);
  if (status !== 'queued' || nextAttemptAtMs !== undefined) {
    await ledger.transition(punch.kioskId, punch.id, {
      from: ['queued'],
      to: status,
      ...(nextAttemptAtMs === undefined ? {} : { nextAttemptAtMs }),
    });
  }
  return punch;
}
