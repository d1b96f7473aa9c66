import { deleteDB } from 'idb';
import { closeKioskDb } from '../kiosk/outbox/db';
import { keepScan, personOnDevice, storeScan } from '../kiosk/outbox/outbox';
import type { PersonOnDevice } from '../kiosk/outbox/people';
import { DB_NAME, type StoredPunch } from '../kiosk/outbox/schema';

let n = 0;

/** A stored punch with a fresh UUID; `atMs` grows with each call unless given. */
export function storedPunch(overrides: Partial<StoredPunch> = {}): StoredPunch {
  n += 1;
  const atMs = overrides.atMs ?? Date.parse('2026-02-04T07:00:00Z') + n * 1_000;
  return {
    id: crypto.randomUUID(),
    employee: { externalId: `B-${1000 + n}` },
    at: new Date(atMs).toISOString(),
    atMs,
    timeZone: 'Europe/Berlin',
    employeeKey: `externalId:B-${1000 + n}`,
    ...overrides,
  };
}

/** Closes the shared connection and deletes the database: the next test starts on an empty device. */
export async function resetDevice(): Promise<void> {
  await closeKioskDb();
  await deleteDB(DB_NAME);
}

/** Stores a punch in the outbox as a scan does, whatever the person's earlier punches. */
export async function enqueue(punch: StoredPunch): Promise<void> {
  await storeScan(punch);
  await keepScan(punch, punch.employeeKey);
}

/** What a scan of this person reads before deciding (punches in `[fromMs, toMs]`). */
export function personRead(
  employeeKey: string,
  fromMs = 0,
  toMs = Number.MAX_SAFE_INTEGER,
): Promise<PersonOnDevice> {
  return personOnDevice([employeeKey], fromMs, toMs);
}
