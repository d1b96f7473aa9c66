/**
 * A punch held because Kenjo may already have it: the operator sees the employee's Kenjo entries of that day and
 * either confirms it is in Kenjo (sent without a call, audited) or sends it again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { heldReason } from '../../core/held-punch';
import {
  type Harness,
  adminHeaders,
  createHarness,
  createKiosk,
  postPunches,
  punch,
} from '../testing/routes-harness';

let h: Harness;
let kiosk: { id: string; token: string };
beforeEach(async () => {
  h = await createHarness();
  kiosk = await createKiosk(h);
});
afterEach(() => h.close());

const json = { ...adminHeaders, 'content-type': 'application/json' };
const url = (id: string, what: string) => `/api/v1/admin/punches/${kiosk.id}/${id}/${what}`;

async function stuck(reason: string): Promise<string> {
  const p = punch();
  await postPunches(h, kiosk.token, [p]);
  h.ledger.transition(kiosk.id, p.id, { from: ['queued'], to: 'sending', incrementAttempts: true });
  h.ledger.transition(kiosk.id, p.id, { from: ['sending'], to: 'failed', reason, lastError: reason });
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
