import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Harness,
  T0,
  adminHeaders,
  bearer,
  createHarness,
  createKiosk,
  postPunches,
  punch,
} from '../testing/routes-harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

async function scrape(): Promise<string> {
  const res = await h.app.inject({ url: '/metrics', headers: adminHeaders });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/plain');
  return res.body;
}

/** The value of one sample line, e.g. `kiosk_proxy_punches{status="queued"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it.each([
    ['no token', {}],
    ['a kiosk token', bearer('not-the-admin-token-at-all')],
  ])('refuses %s', async (_label, headers) => {
    const res = await h.app.inject({ url: '/metrics', headers });
    expect(res.statusCode).toBe(401);
  });

  it('shows the backlog, its oldest age and the punches by status from the ledger', async () => {
    const { token } = await createKiosk(h);
    await postPunches(h, token, [
      punch(),
      punch({ employee: { externalId: 'B-1002' } }),
      punch({ employee: { externalId: 'B-9999' } }),
    ]);
    h.clock.nowMs = T0 + 90_000;
    const text = await scrape();
    expect(sample(text, 'kiosk_proxy_backlog_punches')).toBe(2);
    expect(sample(text, 'kiosk_proxy_backlog_oldest_age_seconds')).toBe(90);
    expect(sample(text, 'kiosk_proxy_punches{status="queued"}')).toBe(2);
    expect(sample(text, 'kiosk_proxy_punches{status="rejected"}')).toBe(1);
    expect(sample(text, 'kiosk_proxy_punches{status="sent"}')).toBe(0);
  });

  it('counts punches received by result, so rate() gives the ingest rate', async () => {
    const { token } = await createKiosk(h);
    const first = punch();
    await postPunches(h, token, [first, punch({ employee: { externalId: 'B-9999' } })]);
    await postPunches(h, token, [first]);
    const text = await scrape();
    expect(sample(text, 'kiosk_proxy_punches_received_total{result="accepted"}')).toBe(1);
    expect(sample(text, 'kiosk_proxy_punches_received_total{result="duplicate"}')).toBe(1);
    expect(sample(text, 'kiosk_proxy_punches_received_total{result="rejected"}')).toBe(1);
  });

  it("shows each kiosk's last contact and the punches it reports waiting, and leaves revoked kiosks out", async () => {
    const front = await createKiosk(h, { name: 'Front door' });
    const back = await createKiosk(h, { name: 'Back door' });
    await postPunches(h, front.token, [punch()]);
    h.ledger.reportKioskStatus(front.id, { pendingOnDevice: 4 });
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/admin/kiosks/${back.id}/revoke`,
      headers: adminHeaders,
    });
    const text = await scrape();
    const labels = `{kiosk_id="${front.id}",kiosk="Front door"}`;
    expect(sample(text, `kiosk_proxy_kiosk_last_contact_timestamp_seconds${labels}`)).toBe(T0 / 1000);
    expect(sample(text, `kiosk_proxy_kiosk_waiting_punches${labels}`)).toBe(4);
    expect(text).not.toContain(back.id);
  });

  it("shows when Kenjo last answered, and the process's own memory", async () => {
    h.kenjoStats.lastSuccessAtMs = T0 - 5000;
    const text = await scrape();
    expect(sample(text, 'kiosk_proxy_kenjo_last_success_timestamp_seconds')).toBe((T0 - 5000) / 1000);
    expect(text).toContain('kiosk_proxy_process_resident_memory_bytes');
  });
});
