import { describe, expect, it } from 'vitest';
import { heldReason } from '../../core/held-punch';
import { reasonText, type ReasonInput } from '../../core/punch-reason';
import {
  type Harness,
  adminHeaders,
  bearer,
  errorOf,
  postPunches,
  punch,
  type CreatedKiosk,
  withHarness,
} from '../testing/routes-harness';

let h: Harness;
let kiosk: CreatedKiosk;
withHarness((made) => ({ h, kiosk } = made));

const act = (id: string, action: string, payload?: unknown, headers: Record<string, string> = adminHeaders) =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/admin/punches/${kiosk.id}/${id}/${action}`,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

async function rejectedPunch(overrides: Record<string, unknown> = { employee: { externalId: 'B-9999' } }) {
  const p = punch(overrides);
  await postPunches(h, kiosk.token, [p]);
  expect(h.ledger.getPunch(kiosk.id, p.id)?.status).toBe('rejected');
  return p.id;
}

async function failedPunch() {
  const p = punch();
  await postPunches(h, kiosk.token, [p]);
  h.ledger.transition(kiosk.id, p.id, {
    from: ['queued'],
    to: 'failed',
    reason: 'Kenjo refused it',
    lastError: '400',
  });
  return p.id;
}

const lastAudit = () => h.ledger.listAudit(1)[0];

describe('operator actions on a punch', () => {
  it.each([
    ['rejected', rejectedPunch],
    ['failed', failedPunch],
  ] as const)('retries a %s punch', async (_s, make) => {
    const id = await make();
    const kicks = h.kicks.count;
    const res = await act(id, 'retry', undefined, { ...adminHeaders, 'content-type': 'application/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'queued', reason: null, lastError: null });
    expect(h.kicks.count).toBe(kicks + 1);
    expect(lastAudit()).toMatchObject({
      action: 'punch.retry',
      target: `${kiosk.id}/${id}`,
      actor: 'admin-token',
    });
  });

  it('discards with a reason; the kiosk then sees it as ignored', async () => {
    const id = await failedPunch();
    const res = await act(id, 'discard', { reason: 'a test scan' });
    expect(res.json()).toMatchObject({ status: 'discarded', reason: 'a test scan' });
    expect(lastAudit()).toMatchObject({ action: 'punch.discard', reason: 'a test scan' });
    const seen = await h.app.inject({ url: `/api/v1/punches/${id}`, headers: bearer(kiosk.token) });
    expect(seen.json()).toMatchObject({ status: 'ignored', reason: 'a test scan' });
  });

  it('reassigns to an employee the directory knows', async () => {
    const id = await rejectedPunch();
    const res = await act(id, 'reassign', {
      employee: { email: 'bob@demo.example' },
      reason: 'badge swapped',
    });
    expect(res.json()).toMatchObject({
      status: 'queued',
      employee: { email: 'bob@demo.example' },
      employeeKey: 'u-bob',
    });
    expect(lastAudit()).toMatchObject({
      action: 'punch.reassign',
      reason: 'badge swapped',
      detail: {
        from: 'rejected',
        fromEmployee: { externalId: 'B-9999' },
        toEmployee: { email: 'bob@demo.example' },
      },
    });
  });

  it('reassigns while the directory cannot answer, leaving the employee to replay', async () => {
    const id = await rejectedPunch();
    h.directory.available = false;
    const res = await act(id, 'reassign', { employee: { externalId: 'B-1002' }, reason: 'typo' });
    expect(res.json()).toMatchObject({ status: 'queued', employeeKey: null });
  });

  it.each([
    [{ externalId: 'B-7777' }, 'unknown-employee'],
    [{ externalId: 'B-1003' }, 'inactive-employee'],
  ])('refuses to reassign to %o', async (employee, code) => {
    const id = await rejectedPunch();
    expect(errorOf(await act(id, 'reassign', { employee, reason: 'x' }))).toEqual({ status: 422, code });
    expect(h.ledger.getPunch(kiosk.id, id)?.status).toBe('rejected');
  });

  it.each(['retry', 'reassign'])('refuses to %s a punch whose shape is wrong', async (action) => {
    const id = await rejectedPunch({ at: 'noon' });
    const res = await act(
      id,
      action,
      action === 'retry' ? undefined : { employee: { externalId: 'B-1001' }, reason: 'x' },
    );
    expect(errorOf(res)).toEqual({ status: 409, code: 'punch-not-sendable' });
  });

  it.each([
    ['retry', undefined],
    ['discard', { reason: 'x' }],
    ['reassign', { employee: { externalId: 'B-1002' }, reason: 'x' }],
  ])('%s only touches failed or rejected punches', async (action, payload) => {
    const p = punch();
    await postPunches(h, kiosk.token, [p]);
    expect(errorOf(await act(p.id, action, payload))).toEqual({ status: 409, code: 'punch-not-actionable' });
    expect(h.ledger.getPunch(kiosk.id, p.id)?.status).toBe('queued');
  });

  it.each([
    ['discard', {}],
    ['discard', { reason: '  ' }],
    ['retry', { reason: 'x', extra: 1 }],
    ['reassign', { employee: { externalId: 'B-1002' } }],
    ['reassign', { employee: { externalId: 'B-1002', email: 'a@b.c' }, reason: 'x' }],
    ['reassign', { employee: { email: 'not-an-email' }, reason: 'x' }],
    // Held to a punch's own rule: what no kiosk could send, no operator can reassign to.
    ['reassign', { employee: { externalId: 'B-1002\u0007' }, reason: 'x' }],
    ['reassign', { employee: { externalId: ' B-1002' }, reason: 'x' }],
    ['reassign', { employee: { email: 'ana@localhost' }, reason: 'x' }],
    ['reassign', { employee: { userId: 'u'.repeat(255) }, reason: 'x' }],
  ])('%s refuses the body %o', async (action, payload) => {
    const id = await failedPunch();
    expect(errorOf(await act(id, action, payload))).toEqual({ status: 400, code: 'invalid-body' });
  });

  it('answers 404 for an unknown punch and 401 without the admin token', async () => {
    expect(errorOf(await act('00000000-0000-4000-8000-000000000000', 'retry'))).toEqual({
      status: 404,
      code: 'punch-not-found',
    });
    const id = await failedPunch();
    expect(errorOf(await act(id, 'retry', undefined, bearer(kiosk.token)))).toEqual({
      status: 401,
      code: 'unauthorized',
    });
  });
});

/**
 * A punch held because Kenjo may already have it: the operator sees the employee's Kenjo entries of that day and
 * either confirms it is in Kenjo (sent without a call, audited) or sends it again.
 */
const json = { ...adminHeaders, 'content-type': 'application/json' };
const url = (id: string, what: string) => `/api/v1/admin/punches/${kiosk.id}/${id}/${what}`;

async function stuck(reason: ReasonInput): Promise<string> {
  const p = punch();
  await postPunches(h, kiosk.token, [p]);
  h.ledger.transition(kiosk.id, p.id, { from: ['queued'], to: 'sending', incrementAttempts: true });
  h.ledger.transition(kiosk.id, p.id, {
    from: ['sending'],
    to: 'failed',
    reason,
    lastError: reasonText(reason),
  });
  return p.id;
}

describe('a punch held because Kenjo may already have it', () => {
  it('is confirmed as in Kenjo: sent without a call, audited, the replay woken', async () => {
    const id = await stuck(heldReason("Kenjo's entries cannot settle it"));
    const kicks = h.kicks.count;
    const res = await h.app.inject({
      method: 'POST',
      url: url(id, 'confirm'),
      headers: json,
      payload: { reason: 'seen in Kenjo' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'sent' });
    expect(h.ledger.getPunch(kiosk.id, id)).toMatchObject({ status: 'sent', deliveredAtMs: h.clock.nowMs });
    expect(h.ledger.listAudit(1)[0]).toMatchObject({
      action: 'punch.confirm',
      target: `${kiosk.id}/${id}`,
      reason: 'seen in Kenjo',
    });
    expect(h.kicks.count).toBe(kicks + 1);
  });

  it('cannot be confirmed unless it was held for that reason', async () => {
    const id = await stuck('Kenjo refused it (400): Employee not found');
    const res = await h.app.inject({ method: 'POST', url: url(id, 'confirm'), headers: adminHeaders });
    expect(res.statusCode).toBe(409);
    expect(h.ledger.getPunch(kiosk.id, id)?.status).toBe('failed');
  });

  it("is shown with the employee's Kenjo entries around its day, times as Kenjo wrote them", async () => {
    const id = await stuck(heldReason('x'));
    h.kenjoEntries.list = [
      {
        id: 'e2',
        userId: 'u-ada',
        email: null,
        externalId: null,
        startTime: '2026-02-04T08:00:00.000Z',
        endTime: null,
      },
      {
        id: 'e1',
        userId: 'u-ada',
        email: null,
        externalId: null,
        startTime: '2026-02-03T22:00:00.000Z',
        endTime: '2026-02-04T06:00:00.000Z',
      },
      {
        id: 'e3',
        userId: 'u-bob',
        email: null,
        externalId: null,
        startTime: '2026-02-04T08:00:00.000Z',
        endTime: null,
      },
    ];
    const res = await h.app.inject({ method: 'GET', url: url(id, 'kenjo-entries'), headers: adminHeaders });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      from: '2026-02-03',
      to: '2026-02-05',
      punchDateTime: '2026-02-04T08:00:00',
      entries: [
        { id: 'e1', startTime: '2026-02-03T22:00:00.000Z', endTime: '2026-02-04T06:00:00.000Z' },
        { id: 'e2', startTime: '2026-02-04T08:00:00.000Z', endTime: null },
      ],
      skipped: 0,
    });
  });

  it('says so when Kenjo cannot be read', async () => {
    const id = await stuck(heldReason('x'));
    h.kenjoEntries.list = null;
    const res = await h.app.inject({ method: 'GET', url: url(id, 'kenjo-entries'), headers: adminHeaders });
    expect(res.statusCode).toBe(502);
  });
});
