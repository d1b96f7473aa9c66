import { afterEach, describe, expect, it } from 'vitest';
import type { KenjoClientStats } from '../kenjo/types';
import { kenjoStats } from '../testing/kenjo-stats';
import { newKiosk } from '../testing/ledger-factories';
import { punch, setup } from '../testing/simulator-fixture';
import { connectionState } from './status-routes';
import {
  ADMIN_TOKEN,
  buildTestConsole,
  NOW_MS,
  storePunches,
  type TestConsole,
} from '../testing/admin-support';

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const stats = (overrides: Partial<KenjoClientStats> = {}): KenjoClientStats =>
  kenjoStats({ logins: 1, ...overrides });

describe('connectionState', () => {
  it.each([
    ['no stats', null, 'not-yet-called'],
    ['no call yet', stats(), 'not-yet-called'],
    ['a success', stats({ lastSuccessAtMs: 5 }), 'ok'],
    ['an error after a success', stats({ lastSuccessAtMs: 5, lastErrorAtMs: 6 }), 'failing'],
    ['a success after an error', stats({ lastSuccessAtMs: 7, lastErrorAtMs: 6 }), 'ok'],
    ['only errors', stats({ lastErrorAtMs: 6 }), 'failing'],
  ])('%s → %s', (_name, given, expected) => {
    expect(connectionState(given)).toBe(expected);
  });
});

describe('admin read endpoints', () => {
  let t: TestConsole;
  afterEach(async () => {
    await t.app.close();
    t.ledger.close();
  });

  it('lists failed and rejected punches with how many wait behind each failed one', async () => {
    t = await buildTestConsole();
    storePunches(t.ledger, [
      { wall: '2026-02-04T07:00:00', employeeKey: 'a', status: 'failed', reason: 'Employee not found' },
      { wall: '2026-02-04T08:00:00', employeeKey: 'a', status: 'queued' },
      { wall: '2026-02-04T09:00:00', employeeKey: 'a', status: 'queued' },
      { wall: '2026-02-04T08:00:00', employeeKey: 'b', status: 'queued' },
      { wall: '2026-02-04T08:30:00', employeeKey: null, status: 'rejected', reason: 'unknown badge' },
      { wall: '2026-02-04T06:00:00', employeeKey: 'c', status: 'sent' },
    ]);
    const body = (await t.app.inject({ url: '/api/v1/admin/attention', headers: auth })).json();
    expect(body).toMatchObject({ failedCount: 1, rejectedCount: 1, nextCursor: null });
    expect(body.items.map((i: { status: string; heldBehind: number }) => [i.status, i.heldBehind])).toEqual([
      ['rejected', 0],
      ['failed', 2],
    ]);
    expect(body.items[1]).toMatchObject({
      employeeKey: 'a',
      kenjoDateTime: '2026-02-04T07:00:00',
      reason: 'Employee not found',
    });
  });

  it('pages the attention list with a cursor', async () => {
    t = await buildTestConsole();
    storePunches(
      t.ledger,
      [1, 2, 3].map((h) => ({ wall: `2026-02-04T0${h}:00:00`, status: 'rejected' as const })),
    );
    const first = (await t.app.inject({ url: '/api/v1/admin/attention?limit=2', headers: auth })).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await t.app.inject({ url: `/api/v1/admin/attention?limit=2&cursor=${first.nextCursor}`, headers: auth })
    ).json();
    expect(second.items.map((i: { kenjoDateTime: string }) => i.kenjoDateTime)).toEqual([
      '2026-02-04T01:00:00',
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it('reports Kenjo, the backlog and the directory', async () => {
    t = await buildTestConsole({ config: { demoMode: false } });
    const { app, ledger } = t;
    Object.assign(t.kenjoStats, stats({ lastSuccessAtMs: NOW_MS - 5000, trackTimeCalls: 3 }));
    ledger.saveDirectory(
      [{ userId: 'a', email: null, externalId: 'B-1', isActive: true, displayName: 'A' }],
      NOW_MS - 60_000,
    );
    storePunches(ledger, [{ wall: '2026-02-04T09:58:00', status: 'queued' }]);
    const body = (await app.inject({ url: '/api/v1/admin/kenjo', headers: auth })).json();
    expect(body).toMatchObject({
      demoMode: false,
      connection: 'ok',
      lastSuccessAt: new Date(NOW_MS - 5000).toISOString(),
      trackTimeCalls: 3,
      backlog: { waiting: 1, failed: 0, oldestAgeS: 119 },
      directory: { ageS: 60, employees: 1, activeEmployees: 1 },
    });
  });

  it("shows what Kenjo's answers left to an operator: skipped records, a problem to fix, unexpected answers", async () => {
    const { running, client } = await setup({ faults: { malformedEmployees: true } });
    await client.listEmployees();
    running.simulator.setFaults({ captivePortalRate: 1 });
    await client.trackTime(punch('2026-02-04T08:00:00'));
    running.simulator.setFaults({ captivePortalRate: 0, refuseAllWith: 404, refuseLogin: false });
    await client.trackTime(punch('2026-02-04T09:00:00'));
    t = await buildTestConsole({ config: { demoMode: false } });
    const { app } = t;
    Object.assign(t.kenjoStats, client.stats());
    const body = (await app.inject({ url: '/api/v1/admin/kenjo', headers: auth })).json();
    expect(body).toMatchObject({
      problems: [expect.stringMatching(/404 to \/attendances\/track-time.*check KENJO_API_URL/)],
      skipped: [{ list: 'employees', reason: 'no identifier', count: 2 }],
      unexpectedAnswers: { count: 1, last: expect.stringMatching(/200 with a page/) },
    });
  });

  it('lists the audit log newest first', async () => {
    t = await buildTestConsole();
    for (const [atMs, action] of [
      [1, 'kiosk.revoke'],
      [2, 'punch.discard'],
    ] as const) {
      t.ledger.appendAudit({ atMs, actor: 'admin', action, target: 'x', reason: null, detail: {} });
    }
    const body = (await t.app.inject({ url: '/api/v1/admin/audit', headers: auth })).json();
    expect(body.entries.map((e: { action: string }) => e.action)).toEqual(['punch.discard', 'kiosk.revoke']);
  });

  it('says what each entry was about: the kiosk by name, the punch by its person and time', async () => {
    t = await buildTestConsole();
    t.ledger.saveDirectory(
      [{ userId: 'u-ada', email: null, externalId: null, isActive: true, displayName: 'Ada' }],
      0,
    );
    t.ledger.insertKiosk(newKiosk({ id: 'k-front', name: 'Front door' }), 'hash');
    const [named, unnamed] = storePunches(t.ledger, [
      { wall: '2026-02-04T08:00:00', employeeKey: 'u-ada', kioskId: 'k-front', status: 'failed' },
      { wall: '2026-02-04T09:30:00', employeeKey: null, employee: { externalId: 'B-9' }, status: 'failed' },
    ]);
    const entries: Array<[string, string, Record<string, unknown>]> = [
      ['kiosk.revoke', 'k-front', {}],
      ['kiosk.delete', 'k-gone', { name: 'Back door' }],
      ['punch.retry', `${named?.kioskId}/${named?.id}`, {}],
      ['punch.discard', `${unnamed?.kioskId}/${unnamed?.id}`, {}],
      ['punch.confirm', 'kiosk-1/00000000-0000-4000-8000-999999999999', {}],
      ['kiosk.settings-pin', 'kiosks', {}],
    ];
    entries.forEach(([action, target, detail], i) =>
      t.ledger.appendAudit({ atMs: 10 - i, actor: 'admin', action, target, reason: null, detail }),
    );
    const body = (await t.app.inject({ url: '/api/v1/admin/audit', headers: auth })).json();
    expect(body.entries.map((e: { subject: unknown }) => e.subject)).toEqual([
      { kind: 'kiosk', name: 'Front door' },
      { kind: 'kiosk', name: 'Back door' },
      { kind: 'punch', employee: 'Ada', at: named?.at, timeZone: 'Europe/Berlin' },
      { kind: 'punch', employee: 'badge B-9', at: unnamed?.at, timeZone: 'Europe/Berlin' },
      // A punch past retention, and a change to every kiosk: the console shows the target as recorded.
      null,
      null,
    ]);
  });
});
