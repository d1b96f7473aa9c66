import { createHash } from 'node:crypto';
import { IDENTIFIER_HASH, deriveIdentifier, openName } from '../../core/identifier-hash';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { DIRECTORY_SALT_SETTING } from './kiosk-directory';
import {
  type Harness,
  T0,
  bearer,
  createHarness,
  createKiosk,
  employee,
  errorOf,
} from '../testing/routes-harness';

let h: Harness;
let token: string;
beforeEach(async () => {
  h = await createHarness();
  ({ token } = await createKiosk(h));
});
afterEach(() => h.close());

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const get = (headers: Record<string, string> = {}) =>
  h.app.inject({ url: '/api/v1/kiosk/directory', headers: { ...bearer(token), ...headers } });

type Directory = {
  fetchedAt: string | null;
  salt: string;
  hash: { name: string; iterations: number };
  employees: Array<{
    key: string;
    badgeHash: string | null;
    badgeName: string | null;
    emailHash: string | null;
    emailName: string | null;
  }>;
};

describe('GET /api/v1/kiosk/directory', () => {
  it('lists active employees with slow salted hashes, never a name or an identifier in clear', async () => {
    h.directory.list = [
      employee({ externalId: ' B-1001 ', email: ' Ada@Demo.Example ' }),
      employee({ userId: 'u-nob', externalId: null, email: null, displayName: 'Nob' }),
      employee({ userId: 'u-eve', displayName: 'Eve', isActive: false }),
    ];
    const res = await get();
    const body = res.json<Directory>();
    expect(body.fetchedAt).toBe(new Date(T0).toISOString());
    expect(body.salt).toBe(h.ledger.getSetting(DIRECTORY_SALT_SETTING));
    expect(body.hash).toEqual(IDENTIFIER_HASH);
    expect(body.employees).toHaveLength(2);
    const ada = body.employees.find((e) => e.badgeHash !== null);
    const badge = await deriveIdentifier('B-1001', body.salt);
    const email = await deriveIdentifier('ada@demo.example', body.salt);
    expect(ada).toMatchObject({
      key: expect.stringMatching(/^[0-9a-f]{32}$/),
      badgeHash: badge.tag,
      emailHash: email.tag,
    });
    expect(await openName(ada?.badgeName ?? '', badge.key)).toBe('Ada');
    expect(await openName(ada?.emailName ?? '', email.key)).toBe('Ada');
    expect(body.employees).toContainEqual({
      key: expect.any(String),
      badgeHash: null,
      badgeName: null,
      emailHash: null,
      emailName: null,
    });
    expect(res.body).not.toMatch(/u-ada|B-1001|ada@|Ada|Nob|Eve/i);
  });

  it('a kiosk token does not let a list of guesses be checked with one fast hash each', async () => {
    const body = (await get()).json<Directory>();
    const guesses = Array.from({ length: 300 }, (_, i) => `B-${1001 + i}`);
    const fastHits = guesses.filter((guess) =>
      body.employees.some((e) => e.badgeHash === sha256(`${body.salt}:${guess}`)),
    );
    expect(fastHits).toEqual([]);
    expect(body.employees.every((e) => !('name' in e))).toBe(true);
    const bob = await deriveIdentifier('B-1001', body.salt);
    const others = body.employees.filter((e) => e.badgeHash !== bob.tag);
    for (const other of others) expect(await openName(other.badgeName ?? '', bob.key)).toBeNull();
  });

  it('keeps salt, keys and hashes across restarts (the salt lives in the ledger)', async () => {
    const first = (await get()).json<Directory>();
    const restarted = await buildApp({ config: h.config, services: h.services });
    const again = await restarted.inject({ url: '/api/v1/kiosk/directory', headers: bearer(token) });
    // Names are sealed afresh (a new IV each time); tags and keys, what a kiosk matches on, stay.
    const matchable = (d: Directory) => ({
      ...d,
      employees: d.employees.map(({ key, badgeHash, emailHash }) => ({ key, badgeHash, emailHash })),
    });
    expect(matchable(again.json<Directory>())).toEqual(matchable(first));
    await restarted.close();
  });

  it('answers 304 to a matching If-None-Match, and 200 once the directory changes', async () => {
    const first = await get();
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const unchanged = await get({ 'if-none-match': etag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    expect((await get({ 'if-none-match': `W/${etag}, "other"` })).statusCode).toBe(304);
    h.directory.list = [
      ...h.directory.list,
      employee({ userId: 'u-new', displayName: 'New', externalId: 'B-2000' }),
    ];
    h.directory.fetchedAt = T0 + 60_000;
    const changed = await get({ 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('needs a kiosk token', async () => {
    token = 'nope';
    expect(errorOf(await get())).toEqual({ status: 401, code: 'invalid-token' });
  });
});
