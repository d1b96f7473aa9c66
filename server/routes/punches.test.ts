import { describe, expect, it } from 'vitest';
import type { LedgerStatus, PunchTransition } from '../ledger/ledger';
import {
  type Harness,
  adminHeaders,
  bearer,
  createKiosk,
  errorOf,
  postPunches,
  punch,
  type CreatedKiosk,
  withHarness,
} from '../testing/routes-harness';

let h: Harness;
let kiosk: CreatedKiosk;
withHarness((made) => ({ h, kiosk } = made));

const SENT_AT = '2026-02-04T08:00:05+01:00';
const raw = (payload: string, contentType = 'application/json', token = kiosk.token) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/punches',
    headers: { ...bearer(token), 'content-type': contentType },
    payload,
  });

describe('POST /api/v1/punches: refusals always carry the error body', () => {
  it.each([
    ['malformed JSON', '{"sentAt": ', 'application/json', 400, 'invalid-json'],
    ['an empty body', '', 'application/json', 400, 'bad-envelope'],
    ['a wrong content type', 'sentAt=x', 'application/x-www-form-urlencoded', 415, 'unsupported-media-type'],
    ['text', '{}', 'text/plain', 415, 'unsupported-media-type'],
    ['an array', '[]', 'application/json', 400, 'bad-envelope'],
    ['no sentAt', '{"punches": []}', 'application/json', 400, 'bad-envelope'],
    ['a number as sentAt', '{"sentAt": 5, "punches": []}', 'application/json', 400, 'bad-envelope'],
    [
      'punches not an array',
      `{"sentAt": "${SENT_AT}", "punches": {}}`,
      'application/json',
      400,
      'bad-envelope',
    ],
    [
      'an unknown envelope field',
      `{"sentAt": "${SENT_AT}", "punches": [], "kiosk": 1}`,
      'application/json',
      400,
      'bad-envelope',
    ],
    ['a JSON string', '"hello"', 'application/json', 400, 'bad-envelope'],
    [
      'a prototype-poisoning body',
      `{"sentAt": "${SENT_AT}", "punches": [], "__proto__": {"x": 1}}`,
      'application/json',
      400,
      'invalid-json',
    ],
  ])('%s → %i %s', async (_what, payload, contentType, status, code) => {
    const res = await raw(payload, contentType);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(errorOf(res)).toEqual({ status, code });
  });

  it('answers 413 for 1,001 punches and stores none', async () => {
    const punches = Array.from({ length: 1001 }, () => punch());
    expect(errorOf(await postPunches(h, kiosk.token, punches))).toEqual({
      status: 413,
      code: 'batch-too-large',
    });
    expect(h.ledger.listPunches({ limit: 10 }).punches).toHaveLength(0);
  });

  it('takes 1,000 punches of maximal size in one batch', async () => {
    const email = `${'a'.repeat(240)}@demo.example`;
    const punches = Array.from({ length: 1000 }, (_, i) =>
      punch({
        employee: { email },
        at: new Date(Date.parse('2026-02-04T06:00:00Z') + i * 61_000).toISOString(),
      }),
    );
    const res = await postPunches(h, kiosk.token, punches);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ results: unknown[] }>().results).toHaveLength(1000);
  });

  it('answers 413 with the error body for a body over the limit', async () => {
    const res = await raw(JSON.stringify({ sentAt: SENT_AT, punches: ['x'.repeat(3 * 1024 * 1024)] }));
    expect(errorOf(res)).toEqual({ status: 413, code: 'payload-too-large' });
  });

  it.each([
    ['no token', {}, 'missing-token'],
    ['a malformed header', { authorization: 'Token abc' }, 'missing-token'],
    ['an unknown token', bearer('x'.repeat(43)), 'invalid-token'],
    ['the admin token', adminHeaders, 'invalid-token'],
  ])('%s → 401', async (_what, headers, code) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/punches',
      headers,
      payload: { sentAt: SENT_AT, punches: [] },
    });
    expect(errorOf(res)).toEqual({ status: 401, code });
  });

  it('refuses a revoked kiosk at once', async () => {
    expect((await postPunches(h, kiosk.token, [punch()])).statusCode).toBe(200);
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/admin/kiosks/${kiosk.id}/revoke`,
      headers: adminHeaders,
    });
    expect(errorOf(await postPunches(h, kiosk.token, [punch()]))).toEqual({
      status: 401,
      code: 'invalid-token',
    });
  });
});

describe('GET /api/v1/punches/:id', () => {
  const get = (id: string, token = kiosk.token) =>
    h.app.inject({ url: `/api/v1/punches/${id}`, headers: bearer(token) });

  async function punchIn(path: Array<Omit<PunchTransition, 'from'>>): Promise<string> {
    const p = punch();
    await postPunches(h, kiosk.token, [p]);
    let from: LedgerStatus = 'queued';
    for (const step of path) {
      expect(h.ledger.transition(kiosk.id, p.id, { from: [from], ...step })).not.toBeNull();
      from = step.to;
    }
    return p.id;
  }

  it.each([
    ['queued', [], { status: 'queued', isOvernightShift: false }],
    ['sending', [{ to: 'sending', isOvernightShift: true }], { status: 'queued', isOvernightShift: true }],
    [
      'waiting after a try that failed',
      [{ to: 'sending' }, { to: 'queued', lastError: 'Kenjo did not answer within 10 s' }],
      { status: 'queued', reason: 'Kenjo did not answer within 10 s' },
    ],
    ['sent', [{ to: 'sending', isOvernightShift: false }, { to: 'sent' }], { status: 'sent' }],
    [
      'held in doubt, then confirmed in Kenjo by an operator',
      [
        { to: 'sending' },
        { to: 'failed', reason: 'Kenjo may already have this punch: check and confirm, or send it again' },
        { to: 'sent' },
      ],
      { status: 'sent' },
    ],
    [
      'failed',
      [{ to: 'failed', reason: 'Kenjo refused it', lastError: 'HTTP 422' }],
      { status: 'failed', reason: 'Kenjo refused it' },
    ],
    [
      'discarded',
      [
        { to: 'failed', reason: 'x' },
        { to: 'discarded', reason: 'left the company' },
      ],
      { status: 'ignored', reason: 'left the company' },
    ],
  ] as const)('shows a %s punch as %o', async (_state, path, expected) => {
    const id = await punchIn([...path]);
    const res = await get(id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id,
      kenjoDateTime: '2026-02-04T08:00:00',
      isOvernightShift: false,
      ...expected,
    });
  });

  it.each([
    [
      'ignored',
      punch({ at: '2026-02-04T08:00:20+01:00' }),
      { status: 'ignored', reason: 'already recorded at 08:00' },
    ],
    [
      'rejected',
      punch({ employee: { externalId: 'B-9999' } }),
      { status: 'failed', reason: 'unknown employee' },
    ],
  ])('shows an %s punch with its reason', async (_state, p, expected) => {
    await postPunches(h, kiosk.token, [punch(), p]);
    expect((await get(p.id)).json()).toMatchObject({ id: p.id, ...expected });
  });

  it("answers 404 for another kiosk's punch and for an unknown id", async () => {
    const other = await createKiosk(h, { name: 'Other' });
    const p = punch();
    await postPunches(h, other.token, [p]);
    expect(errorOf(await get(p.id))).toEqual({ status: 404, code: 'punch-not-found' });
    expect(errorOf(await get('00000000-0000-4000-8000-000000000000'))).toEqual({
      status: 404,
      code: 'punch-not-found',
    });
    expect((await get(p.id, other.token)).statusCode).toBe(200);
  });

  it('needs a token', async () => {
    expect(errorOf(await h.app.inject({ url: '/api/v1/punches/x' }))).toEqual({
      status: 401,
      code: 'missing-token',
    });
  });
});
