import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EmployeeRef } from '../../../core/punch';
import { count, peekBatch } from '../outbox/outbox';
import type { StoredDirectory } from '../outbox/settings';
import { resetDevice } from '../../testing/punch-factory';
import { IDENTIFIER_HASH, deriveIdentifier, sealName } from '../../../core/identifier-hash';
import { recordPunch, type PunchContext } from './record-punch';

beforeEach(resetDevice);

const NOW = Date.parse('2026-02-04T08:01:00+01:00');
const HOUR = 3_600_000;

async function directory(fetchedAgoMs: number | null): Promise<StoredDirectory> {
  const salt = 's4lt';
  const badge = await deriveIdentifier('B-1001', salt);
  const email = await deriveIdentifier('ada@demo.example', salt);
  return {
    fetchedAt: fetchedAgoMs === null ? null : new Date(NOW - fetchedAgoMs).toISOString(),
    salt,
    hash: IDENTIFIER_HASH,
    etag: null,
    receivedAtMs: NOW,
    employees: [
      {
        key: 'k1',
        badgeHash: badge.tag,
        badgeName: await sealName('Ada Lovelace', badge.key),
        emailHash: email.tag,
        emailName: await sealName('Ada Lovelace', email.key),
      },
    ],
  };
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
  it('writes the punch to the outbox with its UUID, the zone offset and the zone, and names the person', async () => {
    const outcome = await recordPunch(
      { externalId: 'B-1001' },
      context({ directory: await directory(HOUR) }),
    );
    expect(outcome).toMatchObject({ kind: 'recorded', name: 'Ada Lovelace', direction: 'in', atMs: NOW });
    const [stored] = await peekBatch();
    expect(stored).toMatchObject({
      employee: { externalId: 'B-1001' },
      at: '2026-02-04T08:01:00.000+01:00',
      timeZone: 'Europe/Berlin',
      employeeKey: 'directory:k1',
    });
    expect(stored?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('treats a badge and an email of the same person as one person for the double scan', async () => {
    const ctx = context({ directory: await directory(HOUR) });
    await recordPunch({ externalId: 'B-1001' }, ctx);
    const second = await recordPunch({ email: 'ada@demo.example' }, { ...ctx, nowMs: NOW + 20_000 });
    expect(second).toEqual({ kind: 'double-scan', name: 'Ada Lovelace', firstAtMs: NOW });
    expect(await count()).toBe(1);
  });

  it('says out for the second punch after the window', async () => {
    const ctx = context();
    await recordPunch({ externalId: 'B-700' }, ctx);
    expect(await recordPunch({ externalId: 'B-700' }, { ...ctx, nowMs: NOW + 8 * HOUR })).toMatchObject({
      direction: 'out',
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
    ['a badge with control characters is not valid', HOUR, { externalId: 'B-\u00071' }, 'invalid', 0],
  ])('%s', async (_name, fetchedAgoMs, ref, kind, queued) => {
    const outcome = await recordPunch(ref, context({ directory: await directory(fetchedAgoMs) }));
    expect(outcome.kind).toBe(kind);
    expect(await count()).toBe(queued);
  });

  it('accepts any identifier when there is no directory at all', async () => {
    expect(await recordPunch({ externalId: 'B-1' }, context())).toMatchObject({
      kind: 'recorded',
      name: null,
    });
  });
});
