import { createHash } from 'node:crypto';
import { IDENTIFIER_HASH, identifierTag } from '../../core/identifier-hash';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app';
import { DIRECTORY_SALT_SETTING, DIRECTORY_SECRET_SETTING } from '../directory/kiosk-copy';
import { DIRECTORY_DIGESTS_SETTING } from '../directory/saved-digests';
import { COPY_WAIT_MS } from './kiosk-directory';
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
afterEach(async () => {
  vi.useRealTimers();
  await h.close();
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const get = (headers: Record<string, string> = {}, as = token) =>
  h.app.inject({ url: '/api/v1/kiosk/directory', headers: { ...bearer(as), ...headers } });

type Directory = {
  fetchedAt: string | null;
  salt: string;
  pepper: string;
  hash: { name: string; iterations: number };
  employees: Array<{ key: string; badgeHash: string | null; emailHash: string | null }>;
  inactive: Array<{ badgeHash: string | null; emailHash: string | null }>;
};
const tagOf = (d: Directory, normalized: string) =>
  identifierTag(normalized, { salt: d.salt, pepper: d.pepper, iterations: d.hash.iterations });

describe('GET /api/v1/kiosk/directory', () => {
  it('lists active employees as slow per-kiosk tags: no name, no identifier, no Kenjo id', async () => {
    h.directory.list = [
      employee({ externalId: ' B-1001 ', email: ' Ada@Demo.Example ', displayName: 'Ada Lovelace' }),
      employee({ userId: 'u-nob', externalId: null, email: null, displayName: 'Nob Body' }),
      employee({
        userId: 'u-eve',
        displayName: 'Eve Inactive',
        externalId: 'B-1300',
        email: 'Eve@Demo.Example',
        isActive: false,
      }),
    ];
    const res = await get();
    const body = res.json<Directory>();
    expect(body.fetchedAt).toBe(new Date(T0).toISOString());
    expect(body.salt).toBe(h.ledger.getSetting(DIRECTORY_SALT_SETTING));
    expect(body.pepper).toMatch(/^[0-9a-f]{64}$/);
    expect(body.hash).toEqual(IDENTIFIER_HASH);
    expect(body.employees).toHaveLength(2);
    expect(body.employees).toContainEqual({
      key: expect.stringMatching(/^[0-9a-f]{32}$/),
      badgeHash: await tagOf(body, 'B-1001'),
      emailHash: await tagOf(body, 'ada@demo.example'),
    });
    expect(body.employees).toContainEqual({ key: expect.any(String), badgeHash: null, emailHash: null });
    expect(body.inactive).toEqual([
      { badgeHash: await tagOf(body, 'B-1300'), emailHash: await tagOf(body, 'eve@demo.example') },
    ]);
    for (const entry of body.employees)
      expect(Object.keys(entry).sort()).toEqual(['badgeHash', 'emailHash', 'key']);
    // Case-sensitive: tags are lower-case hex, in which "ada" or "bad" may well appear.
    expect(res.body).not.toMatch(/u-ada|B-1001|@|Ada|Lovelace|Nob|Eve|u-eve|B-1300|demo|Example/);
    // The secret that peppers and keys is never sent.
    expect(res.body).not.toContain(String(h.ledger.getSetting(DIRECTORY_SECRET_SETTING)));
  });

  it("gives each kiosk its own pepper and keys: one kiosk's directory matches nothing in another's", async () => {
    const other = await createKiosk(h, { name: 'Back door' });
    const mine = (await get()).json<Directory>();
    const theirs = (await get({}, other.token)).json<Directory>();
    expect(theirs.salt).toBe(mine.salt);
    expect(theirs.pepper).not.toBe(mine.pepper);
    const tags = (d: Directory) =>
      new Set([...d.employees, ...d.inactive].flatMap((e) => [e.badgeHash, e.emailHash]).filter(Boolean));
    const shared = [...tags(mine)].filter((tag) => tags(theirs).has(tag));
    expect(tags(mine).size).toBeGreaterThan(0);
    expect(shared).toEqual([]);
    expect(
      theirs.employees.map((e) => e.key).filter((key) => mine.employees.some((e) => e.key === key)),
    ).toEqual([]);
    // Each kiosk's tags are what that kiosk derives from a scan.
    expect(theirs.employees.map((e) => e.badgeHash)).toContain(await tagOf(theirs, 'B-1001'));
  });

  it('a kiosk token does not let a list of guesses be checked with one fast hash each', async () => {
    const body = (await get()).json<Directory>();
    const guesses = Array.from({ length: 300 }, (_, i) => `B-${1001 + i}`);
    const fast = (guess: string) => [
      sha256(`${body.salt}:${guess}`),
      sha256(`${body.pepper}:${guess}`),
      sha256(`${body.salt}${body.pepper}${guess}`),
    ];
    const tags = new Set(body.employees.flatMap((e) => [e.badgeHash, e.emailHash]));
    expect(guesses.flatMap(fast).filter((hash) => tags.has(hash))).toEqual([]);
    expect(body.hash.iterations).toBeGreaterThanOrEqual(50_000);
  });

  it('keeps salt, pepper, keys and tags across restarts (the salt and the secret live in the ledger)', async () => {
    const first = await get();
    // The slow digests are saved too: the restarted process derives none of them again.
    expect(h.ledger.getSetting(DIRECTORY_DIGESTS_SETTING)).toContain(
      `"iterations":${IDENTIFIER_HASH.iterations}`,
    );
    const restarted = await buildApp({ config: h.config, services: h.services });
    const again = await restarted.inject({ url: '/api/v1/kiosk/directory', headers: bearer(token) });
    expect(again.body).toBe(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
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
    expect(changed.json<Directory>().employees).toHaveLength(3);
  });

  it('answers 503 with Retry-After while the copy is still being made, and the copy once it is', async () => {
    h.directory.list = Array.from({ length: 30 }, (_, i) =>
      employee({ userId: `u-${i}`, externalId: `B-${2000 + i}`, email: `p${i}@demo.example` }),
    );
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let settled = false;
    const request = get().finally(() => (settled = true));
    // The wait's clock runs ahead; the 60 slow digests take real time.
    while (!settled) await vi.advanceTimersByTimeAsync(COPY_WAIT_MS);
    const answer = await request;
    vi.useRealTimers();
    expect(errorOf(answer)).toEqual({ status: 503, code: 'directory-preparing' });
    expect(answer.headers['retry-after']).toBe('10');
    let again = await get();
    for (let tries = 0; again.statusCode === 503 && tries < 100; tries += 1) again = await get();
    expect(again.statusCode).toBe(200);
    expect(again.json<Directory>().employees).toHaveLength(30);
  });

  it('needs a kiosk token', async () => {
    token = 'nope';
    expect(errorOf(await get())).toEqual({ status: 401, code: 'invalid-token' });
  });
});
