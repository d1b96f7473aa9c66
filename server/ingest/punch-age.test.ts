import { describe, expect, it } from 'vitest';
import {
  type Harness,
  T0,
  adminHeaders,
  bearer,
  postPunches,
  punch,
  type CreatedKiosk,
  withHarness,
} from '../testing/routes-harness';

const DAY_MS = 24 * 3_600_000;

let h: Harness;
let kiosk: CreatedKiosk;
withHarness((made) => ({ h, kiosk } = made));

const daysAgo = (days: number) => new Date(T0 - days * DAY_MS).toISOString();
const status = async (id: string) =>
  (await h.app.inject({ url: `/api/v1/punches/${id}`, headers: bearer(kiosk.token) })).json<{
    status: string;
    reason?: string;
  }>();
const act = (id: string, action: 'retry' | 'discard', payload?: object) =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/admin/punches/${kiosk.id}/${id}/${action}`,
    headers: adminHeaders,
    ...(payload ? { payload } : {}),
  });

describe('MAX_PUNCH_AGE_DAYS', () => {
  it('an offline kiosk back after 20 days: its punches are stored and accepted, held as failed, never sent by themselves', async () => {
    const old = [punch({ at: daysAgo(20) }), punch({ at: daysAgo(19), employee: { externalId: 'B-1002' } })];
    const res = await postPunches(h, kiosk.token, old);
    expect(res.json<{ results: Array<{ status: string }> }>().results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
    ]);
    for (const p of old) {
      expect(await status(p.id)).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/days old/),
      });
    }
    expect(h.kicks.count).toBe(0);
    expect(h.ledger.backlog(T0)).toMatchObject({ failed: 2 });
  });

  it('a punch dated 2001 is held, not sent', async () => {
    const ancient = punch({ at: '2001-03-01T08:00:00+01:00' });
    await postPunches(h, kiosk.token, [ancient]);
    expect(await status(ancient.id)).toMatchObject({ status: 'failed' });
  });

  it.each([
    [13, 'queued'],
    [14, 'queued'],
    [15, 'failed'],
  ])('%i days old on arrival is %s (limit 14)', async (days, expected) => {
    const p = punch({ at: daysAgo(days) });
    await postPunches(h, kiosk.token, [p]);
    expect((await status(p.id)).status).toBe(expected);
  });

  it('an operator sends a held punch (retry) or discards it', async () => {
    const send = punch({ at: daysAgo(20) });
    const drop = punch({ at: daysAgo(20), employee: { externalId: 'B-1002' } });
    await postPunches(h, kiosk.token, [send, drop]);
    expect((await act(send.id, 'retry')).statusCode).toBe(200);
    expect((await status(send.id)).status).toBe('queued');
    expect(h.kicks.count).toBe(1);
    expect((await act(drop.id, 'discard', { reason: 'kiosk clock was wrong' })).statusCode).toBe(200);
    expect(h.ledger.getPunch(kiosk.id, drop.id)?.status).toBe('discarded');
  });
});
