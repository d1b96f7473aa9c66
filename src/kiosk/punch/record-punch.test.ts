import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmployeeRef } from '../../../core/punch';
import { kioskDb } from '../outbox/db';
import { ack, count, peekBatch } from '../outbox/outbox';
import type { StoredDirectory } from '../outbox/settings';
import { resetDevice } from '../../testing/punch-factory';
import { IDENTIFIER_HASH, identifierTag } from '../../../core/identifier-hash';
import { recordPunch, type PunchContext } from './record-punch';

beforeEach(resetDevice);
afterEach(() => vi.restoreAllMocks());

const NOW = Date.parse('2026-02-04T08:01:00+01:00');
const HOUR = 3_600_000;

/** Few rounds: these tests are about the kiosk's decisions, not the derivation's cost. */
const HASH = { name: IDENTIFIER_HASH.name, iterations: 1_000 };
const TAGS = { salt: 's4lt', pepper: 'p3pper', iterations: HASH.iterations };

async function directory(fetchedAgoMs: number | null): Promise<StoredDirectory> {
  return {
    fetchedAt: fetchedAgoMs === null ? null : new Date(NOW - fetchedAgoMs).toISOString(),
    salt: TAGS.salt,
    pepper: TAGS.pepper,
    hash: HASH,
    etag: null,
    receivedAtMs: NOW,
    employees: [
      {
        key: 'k1',
        badgeHash: await identifierTag('B-1001', TAGS),
        emailHash: await identifierTag('ada@demo.example', TAGS),
      },
    ],
    inactive: [{ badgeHash: await identifierTag('B-1300', TAGS), emailHash: null }],
  };
}

/** The proxy's answer to every punch waiting, naming the person as the proxy does. */
async function answered(name: string): Promise<void> {
  await ack(
    (await peekBatch()).map(({ id }) => ({ id, status: 'accepted' as const, name })),
    NOW,
  );
}

function context(overrides: Partial<PunchContext> = {}): PunchContext {
  return {
    directory: null,
    timeZone: 'Europe/Berlin',
    doubleScanWindowS: 60,
    maxShiftHours: 16,
    nowMs: NOW,
    ...overrides,
  };
}

describe('recordPunch', () => {
  it('writes the punch to the outbox with its UUID, the zone offset and the zone', async () => {
    const outcome = await recordPunch(
      { externalId: 'B-1001' },
      context({ directory: await directory(HOUR) }),
    );
    expect(outcome).toMatchObject({
      kind: 'recorded',
      employeeKey: 'directory:k1',
      direction: 'in',
      atMs: NOW,
    });
    const [stored] = await peekBatch();
    expect(stored).toMatchObject({
      employee: { externalId: 'B-1001' },
      at: '2026-02-04T08:01:00.000+01:00',
      timeZone: 'Europe/Berlin',
      employeeKey: 'directory:k1',
    });
    expect(stored?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('names nobody from the directory: a name comes only from an earlier answer at this kiosk', async () => {
    const ctx = context({ directory: await directory(HOUR) });
    expect(await recordPunch({ externalId: 'B-1001' }, ctx)).toMatchObject({ kind: 'recorded', name: null });
    await answered('Ada Lovelace');
    // Offline since, for a day: the directory (stale, so unknown badges pass) is all the kiosk has, and the answer.
    const later = { ...ctx, directory: await directory(25 * HOUR), nowMs: NOW + 4 * HOUR };
    expect(await recordPunch({ email: 'ADA@demo.example' }, later)).toMatchObject({
      kind: 'recorded',
      direction: 'out',
      name: 'Ada Lovelace',
    });
    expect(await recordPunch({ externalId: 'B-700' }, later)).toMatchObject({ kind: 'recorded', name: null });
  });

  it('treats a badge and an email of the same person as one person for the double scan', async () => {
    const ctx = context({ directory: await directory(HOUR) });
    await recordPunch({ externalId: 'B-1001' }, ctx);
    await answered('Ada Lovelace');
    const second = await recordPunch({ email: 'ada@demo.example' }, { ...ctx, nowMs: NOW + 20_000 });
    expect(second).toEqual({ kind: 'double-scan', name: 'Ada Lovelace', firstAtMs: NOW });
    // The first was answered and left the outbox; the second never entered it.
    expect(await count()).toBe(0);
  });

  it('counts what a person punched before the directory arrived, by the identifier they presented', async () => {
    // The first scan came before the kiosk had its directory (just paired, or cleared): kept by its badge number.
    await recordPunch({ externalId: 'B-1001' }, context());
    await answered('Ada Lovelace');
    const ctx = context({ directory: await directory(HOUR) });
    expect(await recordPunch({ externalId: 'B-1001' }, { ...ctx, nowMs: NOW + 20_000 })).toEqual({
      kind: 'double-scan',
      name: 'Ada Lovelace',
      firstAtMs: NOW,
    });
    expect(await recordPunch({ externalId: 'B-1001' }, { ...ctx, nowMs: NOW + 4 * HOUR })).toMatchObject({
      kind: 'recorded',
      employeeKey: 'directory:k1',
      direction: 'out',
      name: 'Ada Lovelace',
      workedMs: 4 * HOUR,
    });
  });

  it('says out for the second punch after the window, with the time worked today', async () => {
    const ctx = context();
    expect(await recordPunch({ externalId: 'B-700' }, ctx)).toMatchObject({
      direction: 'in',
      workedMs: null,
    });
    expect(await recordPunch({ externalId: 'B-700' }, { ...ctx, nowMs: NOW + 8 * HOUR })).toMatchObject({
      direction: 'out',
      workedMs: 8 * HOUR,
    });
  });

  it.each<[string, number | null, EmployeeRef, string, number]>([
    ['an unknown badge with a fresh directory is refused', HOUR, { externalId: 'B-9999' }, 'unknown', 0],
    [
      'an unknown email with a fresh directory is refused',
      HOUR,
      { email: 'nobody@demo.example' },
      'unknown',
      0,
    ],
    [
      'an unknown badge with a stale directory is accepted',
      25 * HOUR,
      { externalId: 'B-9999' },
      'recorded',
      1,
    ],
    [
      'an unknown badge with a never-loaded directory is accepted',
      null,
      { externalId: 'B-9999' },
      'recorded',
      1,
    ],
    ['an inactive badge is refused as inactive', HOUR, { externalId: 'B-1300' }, 'inactive', 0],
    [
      'a badge of an inactive employee is not known by a stale directory either',
      25 * HOUR,
      { externalId: 'B-1300' },
      'inactive',
      0,
    ],
    ['a badge with control characters is not valid', HOUR, { externalId: 'B-\u00071' }, 'invalid', 0],
  ])('%s', async (_name, fetchedAgoMs, ref, kind, queued) => {
    const outcome = await recordPunch(ref, context({ directory: await directory(fetchedAgoMs) }));
    expect(outcome.kind).toBe(kind);
    expect(await count()).toBe(queued);
  });

  it("asks for the tag's derivation before its write takes the page's thread", async () => {
    const ctx = context({ directory: await directory(HOUR) });
    await kioskDb();
    // Chromium imports the identifier's and the pepper's keys at once; the derivation is what takes long.
    const subtle = crypto.subtle;
    const keys = new Map<string, CryptoKey>();
    for (const [raw, algorithm, usage] of [
      ['B-4242', 'PBKDF2', 'deriveBits'],
      [TAGS.pepper, { name: 'HMAC', hash: 'SHA-256' }, 'sign'],
    ] as const) {
      const bytes = new TextEncoder().encode(raw);
      keys.set(raw, await subtle.importKey('raw', bytes, algorithm, false, [usage]));
    }
    const importKey = subtle.importKey.bind(subtle);
    vi.spyOn(subtle, 'importKey').mockImplementation(((...args: Parameters<typeof importKey>) => {
      const known = keys.get(new TextDecoder().decode(args[1] as Uint8Array));
      return known ? Promise.resolve(known) : importKey(...args);
    }) as typeof subtle.importKey);
    const steps: string[] = [];
    const deriveBits = subtle.deriveBits.bind(subtle);
    vi.spyOn(subtle, 'deriveBits').mockImplementation((...args) => {
      steps.push('derive');
      return deriveBits(...args);
    });
    const transaction = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<typeof transaction>
    ) {
      if ([args[0]].flat().includes('outbox')) steps.push('write');
      return transaction.apply(this, args);
    });
    // A badge derived nowhere else in this file: a tag derived before is not derived again.
    await recordPunch({ externalId: 'B-4242' }, ctx);
    expect(steps.slice(0, 2)).toEqual(['derive', 'write']);
  });

  it('accepts any identifier when there is no directory at all', async () => {
    expect(await recordPunch({ externalId: 'B-1' }, context())).toMatchObject({
      kind: 'recorded',
      name: null,
    });
  });
});
