import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { REDACTED_PATHS } from '../http/logger';
import {
  type Harness,
  T0,
  createHarness,
  createKiosk,
  postPunches,
  punch,
  type CreatedKiosk,
  withHarness,
} from '../testing/routes-harness';

let h: Harness;
let kiosk: CreatedKiosk;
withHarness((made) => ({ h, kiosk } = made));

type Result = {
  id: string | null;
  status: string;
  reason?: string;
  code?: string;
  params?: object;
  name?: string;
};
const send = async (punches: unknown[], token = kiosk.token, sentAt?: string) => {
  const res = await postPunches(h, token, punches, sentAt);
  expect(res.statusCode).toBe(200);
  return res.json<{ results: Result[] }>().results;
};
const stored = (id: string, kioskId = kiosk.id) => h.ledger.getPunch(kioskId, id);
const at = (offsetS: number) => new Date(T0 + offsetS * 1000).toISOString();

describe('ingest: each punch', () => {
  it('answers in the order sent, names the employee of each punch not refused, and stores each', async () => {
    const ada = punch();
    const unknown = punch({ employee: { externalId: 'B-9999' } });
    const inactive = punch({ employee: { email: 'eve@demo.example' } });
    const bob = punch({ employee: { userId: 'u-bob' } });
    expect(await send([ada, unknown, inactive, bob])).toEqual([
      { id: ada.id, status: 'accepted', name: 'Ada' },
      { id: unknown.id, status: 'rejected', reason: 'unknown employee', code: 'unknown-employee' },
      {
        id: inactive.id,
        status: 'rejected',
        reason: 'inactive employee: no longer active in Kenjo',
        code: 'inactive-employee',
      },
      { id: bob.id, status: 'accepted', name: 'Bob' },
    ]);
    expect(stored(ada.id)).toMatchObject({
      status: 'queued',
      employeeKey: 'u-ada',
      kenjoDateTime: '2026-02-04T08:00:00',
    });
    expect(stored(unknown.id)).toMatchObject({ status: 'rejected', reason: 'unknown employee' });
    expect(stored(inactive.id)).toMatchObject({ status: 'rejected', employeeKey: null });
    expect(h.kicks.count).toBe(1);
  });

  it('accepts a punch while the directory cannot answer, leaving the employee to replay', async () => {
    h.directory.available = false;
    const p = punch({ employee: { externalId: 'B-9999' } });
    expect(await send([p])).toEqual([{ id: p.id, status: 'accepted' }]);
    expect(stored(p.id)).toMatchObject({ status: 'queued', employeeKey: null });
  });

  it.each([
    ['no employee', { employee: undefined }, 'bad-employee'],
    ['two identifiers', { employee: { email: 'ada@demo.example', userId: 'u-ada' } }, 'bad-employee'],
    ['a bad email', { employee: { email: 'not-an-email' } }, 'bad-employee'],
    ['an at without offset', { at: '2026-02-04T08:00:00' }, 'bad-at'],
    ['a number as at', { at: 1738652400000 }, 'bad-at'],
    ['an unknown field', { note: 'x' }, 'unknown-field'],
  ] as Array<[string, Record<string, unknown>, string]>)(
    'rejects and keeps a punch with %s',
    async (_what, overrides) => {
      const p = punch(overrides);
      const [result] = await send([p]);
      expect(result).toEqual({
        id: p.id,
        status: 'rejected',
        reason: expect.any(String),
        code: 'invalid-punch',
      });
      expect(stored(p.id)).toMatchObject({ status: 'rejected', reason: result?.reason, employeeKey: null });
    },
  );

  it.each([
    ['a number as id', { id: 42 }, null],
    ['a non-UUID id', { id: 'punch-1' }, 'punch-1'],
    ['no id', { id: undefined }, null],
  ])('rejects, without storing, a punch with %s', async (_what, overrides, echoedId) => {
    const results = await send([punch(overrides), 'not a punch']);
    expect(results).toEqual([
      { id: echoedId, status: 'rejected', reason: expect.stringMatching(/id/), code: 'invalid-punch' },
      { id: null, status: 'rejected', reason: 'The punch must be a JSON object.', code: 'invalid-punch' },
    ]);
    expect(h.ledger.listPunches({ limit: 10 }).punches).toHaveLength(0);
    expect(h.kicks.count).toBe(0);
  });

  it.each([
    [299, 'accepted'],
    [300, 'accepted'],
    [301, 'rejected'],
  ])('a punch %i s in the future of the server clock is %s', async (aheadS, status) => {
    const p = punch({ at: at(aheadS) });
    const [result] = await send([p], kiosk.token, at(aheadS));
    expect(result?.status).toBe(status);
    if (status === 'rejected') {
      expect(result?.reason).toMatch(/ahead of the server's clock/);
      expect(result).toMatchObject({ code: 'clock-ahead', params: { aheadS, limitS: 300 } });
    }
  });

  it("measures the kiosk's clock error from sentAt", async () => {
    await send([], kiosk.token, at(90));
    expect(h.ledger.getKiosk(kiosk.id)).toMatchObject({ clockErrorMs: 90_000, lastSeenAtMs: T0 });
  });

  it("converts to Kenjo's wall clock in the kiosk's zone across a DST change", async () => {
    const newYork = await createKiosk(h, { name: 'NY', timeZone: 'America/New_York' });
    // 2026-03-08 07:30Z: 02:30 does not exist in New York that night; the clock shows 03:30 EDT.
    const p = punch({ at: '2026-03-08T07:30:00Z' });
    h.clock.nowMs = Date.parse('2026-03-08T07:31:00Z');
    await send([p], newYork.token);
    const res = await h.app.inject({
      url: `/api/v1/punches/${p.id}`,
      headers: { authorization: `Bearer ${newYork.token}` },
    });
    expect(res.json()).toMatchObject({ kenjoDateTime: '2026-03-08T03:30:00' });
  });
});

describe('ingest: resends', () => {
  it('answers duplicate for everything already stored and changes nothing', async () => {
    const batch = [
      punch(),
      punch({ at: at(10) }),
      punch({ employee: { externalId: 'B-9999' } }),
      punch({ at: 'x' }),
    ];
    await send(batch);
    const before = h.ledger.listPunches({ limit: 10 });
    const kicks = h.kicks.count;
    // The kiosk that lost its answer learns the name from the resend's; a refused punch names nobody.
    const names = ['Ada', 'Ada', undefined, undefined];
    expect(await send(batch)).toEqual(
      batch.map((p, i) => ({ id: p.id, status: 'duplicate', ...(names[i] ? { name: names[i] } : {}) })),
    );
    expect(h.ledger.listPunches({ limit: 10 })).toEqual(before);
    expect(h.kicks.count).toBe(kicks);
  });

  it('names nobody when a stored id is resent with another person: a token alone tells no name', async () => {
    const ada = punch();
    const unknown = punch({ employee: { externalId: 'B-9999' } });
    await send([ada, unknown]);
    const before = h.ledger.listPunches({ limit: 10 });
    const asBob = { employee: { externalId: 'B-1002' } };
    expect(
      await send([
        { ...ada, ...asBob },
        { ...unknown, ...asBob },
      ]),
    ).toEqual([
      { id: ada.id, status: 'duplicate' },
      { id: unknown.id, status: 'duplicate' },
    ]);
    expect(h.ledger.listPunches({ limit: 10 })).toEqual(before);
  });

  it('answers duplicate for an id repeated within a batch', async () => {
    const p = punch();
    expect(await send([p, { ...p, at: at(600) }])).toEqual([
      { id: p.id, status: 'accepted', name: 'Ada' },
      { id: p.id, status: 'duplicate' },
    ]);
    expect(stored(p.id)?.at).toBe(p.at);
  });

  it('scopes ids to the kiosk', async () => {
    const other = await createKiosk(h, { name: 'Other' });
    const p = punch();
    await send([p]);
    expect(await send([{ ...p, employee: { externalId: 'B-1002' } }], other.token)).toEqual([
      { id: p.id, status: 'accepted', name: 'Bob' },
    ]);
  });
});

describe('ingest: double scans', () => {
  it('ignores a second punch within the window, within one batch', async () => {
    const first = punch();
    const second = punch({ at: at(59) });
    const third = punch({ at: at(60) });
    expect(await send([first, second, third])).toEqual([
      { id: first.id, status: 'accepted', name: 'Ada' },
      { id: second.id, status: 'accepted', reason: 'already recorded at 08:00', name: 'Ada' },
      { id: third.id, status: 'accepted', name: 'Ada' },
    ]);
    expect(stored(second.id)).toMatchObject({
      status: 'ignored',
      reason: 'already recorded at 08:00',
      reasonCode: { code: 'double-scan', params: { first: '2026-02-04T08:00:00' } },
    });
    expect(stored(third.id)?.status).toBe('queued');
  });

  it('keeps the earlier scan across kiosks, also when the later one arrives first', async () => {
    const other = await createKiosk(h, { name: 'Back door' });
    const late = punch({ at: at(30) });
    const early = punch({ employee: { email: 'ADA@demo.example' } });
    await send([late], other.token);
    expect(await send([early])).toEqual([{ id: early.id, status: 'accepted', name: 'Ada' }]);
    expect(stored(early.id)?.status).toBe('queued');
    expect(stored(late.id, other.id)).toMatchObject({
      status: 'ignored',
      reason: 'already recorded at 08:00',
    });
  });

  /** Seconds after 08:00 of each scan, in the order sent; `|` splits requests; `!` marks one sent to Kenjo at once. */
  it.each<[string, string, Record<string, string>]>([
    ['7 s apart, one request, in order', '0 7', { 0: 'queued', 7: 'ignored' }],
    ['7 s apart, one request, reverse order', '7 0', { 0: 'queued', 7: 'ignored' }],
    ['7 s apart, two requests, in order', '0 | 7', { 0: 'queued', 7: 'ignored' }],
    ['7 s apart, two requests, reverse order', '7 | 0', { 0: 'queued', 7: 'ignored' }],
    ['the later already sent to Kenjo when the earlier arrives', '7! | 0', { 0: 'ignored', 7: 'sent' }],
    ['three in one request, reverse order', '50 20 0', { 0: 'queued', 20: 'ignored', 50: 'ignored' }],
    ['60 s apart, reverse order: two punches', '60 0', { 0: 'queued', 60: 'queued' }],
    ['a displaced scan covers nothing', '0 | 40 | 80', { 0: 'queued', 40: 'ignored', 80: 'queued' }],
    // A scan displaced by an earlier arrival no longer covers the ones it had displaced: the order never matters.
    [
      'a displaced scan covers nothing, in reverse',
      '80 | 40 | 0',
      { 0: 'queued', 40: 'ignored', 80: 'queued' },
    ],
    [
      'a chain of scans 40 s apart, in reverse',
      '160 | 120 | 80 | 40 | 0',
      { 0: 'queued', 40: 'ignored', 80: 'queued', 120: 'ignored', 160: 'queued' },
    ],
    ['a chain in reverse, its last already sent', '80! | 40 | 0', { 0: 'queued', 40: 'ignored', 80: 'sent' }],
    ['a chain, the middle one last', '0 | 80 | 40', { 0: 'queued', 40: 'ignored', 80: 'queued' }],
    // One request with a person's punches hours apart: each is compared with what is stored around it.
    [
      'a request of last night and now, after a scan now',
      '0 | -32400 7',
      { 0: 'queued', '-32400': 'queued', 7: 'ignored' },
    ],
    [
      'a request of now and last night, after a scan last night',
      '-32400 | 0 -32393',
      { '-32400': 'queued', 0: 'queued', '-32393': 'ignored' },
    ],
  ])('double scans: %s', async (_name, script, expected) => {
    const ids = new Map<string, string>();
    for (const request of script.split('|')) {
      const batch = request
        .trim()
        .split(' ')
        .map((token) => {
          const p = punch({ at: at(Number(token.replace('!', ''))) });
          ids.set(token.replace('!', ''), p.id);
          return { p, sendNow: token.endsWith('!') };
        });
      const results = await send(batch.map(({ p }) => p));
      expect(results.every((r) => r.status === 'accepted')).toBe(true);
      for (const { p, sendNow } of batch) {
        if (sendNow) h.ledger.transition(kiosk.id, p.id, { from: ['queued'], to: 'sent', deliveredAtMs: T0 });
      }
    }
    const statuses = Object.fromEntries([...ids].map(([seconds, id]) => [seconds, stored(id)?.status]));
    expect(statuses).toEqual(expected);
  });

  it('compares unresolved punches of one batch by the identifier sent', async () => {
    h.directory.available = false;
    const [a, b] = [punch(), punch({ at: at(5) })];
    expect((await send([a, b])).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(stored(b.id)?.status).toBe('ignored');
  });

  it('lets two concurrent batches of one employee store only one punch', async () => {
    const other = await createKiosk(h, { name: 'Back door' });
    const resolve = h.directory.resolve.bind(h.directory);
    // A directory that answers later, as a real one may: both batches wait there, then commit one after the other.
    h.directory.resolve = (ref) => new Promise((done) => setTimeout(() => done(resolve(ref)), 5));
    const [a, b] = [punch(), punch({ at: at(2) })];
    await Promise.all([send([a]), send([b], other.token)]);
    const statuses = [stored(a.id)?.status, stored(b.id, other.id)?.status].sort();
    expect(statuses).toEqual(['ignored', 'queued']);
  });

  it('does not count rejected or ignored punches as the first scan', async () => {
    const first = punch();
    const ignored = punch({ at: at(50) });
    const later = punch({ at: at(100) });
    await send([first, ignored, later]);
    expect(stored(later.id)?.status).toBe('queued');
  });
});

describe('ingest: logs', () => {
  async function loggedHarness(): Promise<string[]> {
    await h.close();
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk: Buffer, _enc, done) => void (lines.push(chunk.toString()), done()),
    });
    const logger = pino({ level: 'info', redact: REDACTED_PATHS }, sink);
    h = await createHarness({}, '/nonexistent', logger);
    kiosk = await createKiosk(h);
    return lines;
  }

  it('writes one line per stored punch, ids only: never a credential, a badge, an email or a name', async () => {
    const lines = await loggedHarness();
    await send([
      punch(),
      punch({ at: at(1) }),
      punch({ employee: { externalId: 'B-9999' } }),
      punch({ employee: { email: 'eve@demo.example' } }),
    ]);
    const messages = lines.map((line) => JSON.parse(line) as { msg: string; punchId?: string });
    expect(messages.filter((m) => m.msg.startsWith('punch')).map((m) => m.msg)).toEqual([
      'punch accepted',
      'punch ignored',
      'punches rejected',
    ]);
    expect(messages.find((m) => m.msg === 'punch accepted')?.punchId).toEqual(expect.any(String));
    const all = lines.join('');
    for (const personal of [kiosk.token, 'B-1001', 'B-9999', 'eve@demo', 'Ada', 'Eve']) {
      expect(all).not.toContain(personal);
    }
  });

  it('logs a flood of bad punches once per request, with counts', async () => {
    const lines = await loggedHarness();
    const long = `${'x'.repeat(240)}@demo.example`;
    const bad = Array.from({ length: 1000 }, () => punch({ employee: { email: long, badge: 1 } }));
    await send(bad);
    const rejectedLines = lines.filter((line) => line.includes('rejected'));
    expect(rejectedLines).toHaveLength(1);
    expect(JSON.parse(rejectedLines[0] ?? '{}')).toMatchObject({ rejected: 1000, punches: 1000 });
    expect(lines.join('')).not.toContain('xxxxxxxx');
  });
});
