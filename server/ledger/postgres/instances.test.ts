import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describePostgres, type TestDatabase } from '../../testing/postgres-fixture';
import { newKiosk, newPunch } from '../../testing/ledger-factories';
import type { AsyncLedger } from '../async-ledger';
import { openPostgresLedger } from './postgres-ledger';

/** Two instances of the proxy are two ledgers (two pools) on one database; what one writes, the other must respect. */
describePostgres('several instances on one PostgreSQL ledger', (serverUrl) => {
  let database: TestDatabase;
  let a: AsyncLedger;
  let b: AsyncLedger;
  beforeAll(async () => {
    database = await createTestDatabase(serverUrl);
    [a, b] = await Promise.all([openPostgresLedger(database.url), openPostgresLedger(database.url)]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await database.drop();
  });
  const kiosk = newKiosk();
  beforeEach(async () => {
    if ((await a.getKiosk(kiosk.id)) === null) await a.insertKiosk(kiosk, `hash-${kiosk.id}`);
  });

  it('stores each punch once when the same batch reaches both at the same moment', async () => {
    const punches = Array.from({ length: 200 }, () => newPunch({ kioskId: kiosk.id }));
    const seen = { kioskId: kiosk.id, clockErrorMs: 0, lastSeenAtMs: 1 };
    const results = await Promise.all([
      a.insertKioskBatch(seen, punches),
      b.insertKioskBatch(seen, [...punches].reverse()),
      a.insertKioskBatch(seen, punches.slice(50)),
    ]);
    const inserted = results.flat().filter((r) => r === 'inserted').length;
    expect(inserted).toBe(punches.length);
    const stored = await b.storedPunchIds(
      kiosk.id,
      punches.map((p) => p.id),
    );
    expect(stored.size).toBe(punches.length);
    expect(await a.insertKioskBatch(seen, punches.slice(0, 1))).toEqual(['duplicate']);
  });

  it('lets a pairing code pair once, whichever instances race for it', async () => {
    const pairing = newKiosk();
    await a.insertKiosk(pairing, `hash-${pairing.id}`);
    await a.insertPairingCode('RACE42', pairing.id, 10_000);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? a : b).consumePairingCode('RACE42', 5_000)),
    );
    expect(answers.filter((id) => id === pairing.id)).toHaveLength(1);
    expect(answers.filter((id) => id === null)).toHaveLength(7);
  });

  it('refuses a kiosk on every instance as soon as one revokes it', async () => {
    const revoked = newKiosk();
    await a.insertKiosk(revoked, 'hash-revoked');
    expect((await b.findKioskByTokenHash('hash-revoked'))?.id).toBe(revoked.id);
    await a.revokeKiosk(revoked.id, 2);
    expect(await b.findKioskByTokenHash('hash-revoked')).toBeNull();
  });

  it('shows the other instance a transaction only once it has committed', async () => {
    const punch = newPunch({ kioskId: kiosk.id });
    await a.insertKioskBatch({ kioskId: kiosk.id, clockErrorMs: 0, lastSeenAtMs: 1 }, [punch]);
    let seenInside: string | undefined;
    await a.atomically(async () => {
      await a.transition(kiosk.id, punch.id, { from: ['queued'], to: 'sending' });
      seenInside = (await b.getPunch(kiosk.id, punch.id))?.status;
    });
    expect(seenInside).toBe('queued');
    expect((await b.getPunch(kiosk.id, punch.id))?.status).toBe('sending');
  });

  it('holds one employee across instances and lets the others go on', async () => {
    let release: (() => void) | undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let opened: (() => void) | undefined;
    const begun = new Promise<void>((resolve) => (opened = resolve));
    const holder = a.atomically(async () => {
      await a.lockEmployees(['emp-held']);
      opened?.();
      await released;
    });
    await begun;
    await b.atomically(() => b.lockEmployees(['emp-free']));
    let taken = false;
    const waiter = b.atomically(async () => {
      await b.lockEmployees(['emp-held']);
      taken = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(taken).toBe(false);
    expect(await b.atomically(() => b.tryLockEmployee('emp-held'))).toBe(false);
    expect(await b.atomically(() => b.tryLockEmployee('emp-free'))).toBe(true);
    const several = await b.atomically(() => b.tryLockEmployees(['emp-held', 'emp-free', 'emp-free']));
    expect([...several]).toEqual(['emp-free']);
    release?.();
    await Promise.all([holder, waiter]);
    expect(taken).toBe(true);
    expect(await b.atomically(() => b.tryLockEmployee('emp-held'))).toBe(true);
    await expect(b.lockEmployees(['emp-held'])).rejects.toThrow(/inside atomically/);
  });

  it('gives each employee to one instance at a time, and a dead instance’s employees to another once its claim expires', async () => {
    const sorted = (set: Set<string>) => [...set].sort();
    expect(sorted(await a.claimEmployees('instance-a', ['e1', 'e2', 'e2'], 60_000))).toEqual(['e1', 'e2']);
    expect(sorted(await b.claimEmployees('instance-b', ['e2', 'e3'], 60_000))).toEqual(['e3']);
    expect(sorted(await a.claimEmployees('instance-a', ['e1', 'e2'], 60_000))).toEqual(['e1', 'e2']);
    await a.releaseEmployees('instance-a', ['e2']);
    expect(sorted(await b.claimEmployees('instance-b', ['e2'], 60_000))).toEqual(['e2']);

    // instance-a stops renewing (killed): with a short claim, e4 is another's as soon as it expires.
    expect(sorted(await a.claimEmployees('instance-a', ['e4'], 150))).toEqual(['e4']);
    expect(sorted(await b.claimEmployees('instance-b', ['e4'], 60_000))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sorted(await b.claimEmployees('instance-b', ['e4', 'e1'], 60_000))).toEqual(['e4']);
    expect(sorted(await a.claimEmployees('instance-a', ['e4'], 60_000))).toEqual([]);
  });

  it('lets one of several instances racing for a free employee have it', async () => {
    const owners = Array.from({ length: 6 }, (_, i) => `racer-${i}`);
    const won = await Promise.all(
      owners.map((owner, i) => (i % 2 ? a : b).claimEmployees(owner, ['contested'], 60_000)),
    );
    expect(won.filter((set) => set.has('contested'))).toHaveLength(1);
  });
});
