import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KenjoClientStats } from '../kenjo/types';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { Ledger } from '../ledger/ledger';
import { asyncOf, insertPunches, memoryLedger, newKiosk, newPunch } from '../testing/ledger-factories';
import { type WebhookReceiver, startWebhookReceiver } from '../testing/webhook-receiver';
import { type AlertMonitor, createAlertMonitor } from './alert-monitor';
import { saveOpeningHours } from './opening-hours-store';
import { kenjoStats } from '../testing/kenjo-stats';

/** Wednesday 4 Feb 2026, 10:00 in Berlin. */
const T0 = Date.parse('2026-02-04T09:00:00Z');
const MINUTE = 60_000;

let receiver: WebhookReceiver;
let ledger: Ledger;
let clock: { nowMs: number };
let stats: KenjoClientStats;
const logs: string[] = [];

/** Claims as a ledger shared by several instances grants them: a live claim is its owner's alone. */
function sharedClaims(): Pick<AsyncLedger, 'claimEmployees' | 'releaseEmployees'> {
  const owners = new Map<string, string>();
  return {
    claimEmployees: async (owner, keys) => {
      for (const key of keys) if (!owners.has(key)) owners.set(key, owner);
      return new Set(keys.filter((key) => owners.get(key) === owner));
    },
    releaseEmployees: async (owner, keys) => {
      for (const key of keys) if (owners.get(key) === owner) owners.delete(key);
    },
  };
}

function monitor(claims: Partial<AsyncLedger> = {}): AlertMonitor {
  return createAlertMonitor({
    webhookUrl: receiver.url,
    thresholds: { kioskSilentMinutes: 30, kenjoUnreachableMinutes: 10, backlogAgeMinutes: 20 },
    ledger: { ...asyncOf(ledger), ...claims },
    kenjoStats: () => stats,
    now: () => clock.nowMs,
    logger: { info: (_o, msg) => logs.push(msg ?? ''), warn: (_o, msg) => logs.push(msg ?? '') },
  });
}

const texts = () => receiver.messages.map((m) => m.text);

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  ledger = memoryLedger();
  clock = { nowMs: T0 };
  stats = kenjoStats();
  logs.length = 0;
});
afterEach(async () => {
  ledger.close();
  await receiver.close();
});

describe('alert monitor', () => {
  it('announces an incident once when several instances share the ledger, and hands the role over on stop', async () => {
    const claims = sharedClaims();
    const [first, second] = [monitor(claims), monitor(claims)];
    stats.unreachableSinceMs = T0 - 11 * MINUTE;
    await Promise.all([first.check(), second.check()]);
    expect(texts()).toEqual([expect.stringContaining('Kenjo has not answered')]);

    first.stop();
    await new Promise((resolve) => setImmediate(resolve));
    stats.unreachableSinceMs = null;
    await Promise.all([first.check(), second.check()]);
    expect(texts()).toHaveLength(2);
    expect(texts()[1]).toMatch(/Over after .*Kenjo has not answered/);
  });

  it('stops announcing as soon as its watch passed to another instance, between two posts', async () => {
    // The watch is this instance's for its first two claims (the check's and the one before its first post), then
    // another instance's: slow posts outlasted it.
    let claims = 0;
    const alerts = monitor({
      claimEmployees: async (_owner, keys) => new Set((claims += 1) <= 2 ? keys : []),
    });
    stats.unreachableSinceMs = T0 - 11 * MINUTE;
    const held = newPunch({ status: 'queued', receivedAtMs: T0 - 30 * MINUTE });
    insertPunches(ledger, [held]);
    ledger.transition(held.kioskId, held.id, { from: ['queued'], to: 'failed', reason: 'unknown employee' });
    await alerts.check();
    expect(texts()).toHaveLength(1);
  });

  it('announces punches held for an operator once, and once more when they are dealt with', async () => {
    const alerts = monitor();
    const held = newPunch({ status: 'queued', receivedAtMs: T0 });
    insertPunches(ledger, [held]);
    ledger.transition(held.kioskId, held.id, { from: ['queued'], to: 'failed', reason: 'unknown employee' });
    await alerts.check();
    await alerts.check();
    expect(texts()).toEqual([expect.stringMatching(/1 punch\(es\) are held for an operator/)]);

    ledger.transition(held.kioskId, held.id, { from: ['failed'], to: 'discarded' });
    clock.nowMs += 5 * MINUTE;
    await alerts.check();
    await alerts.check();
    expect(texts()).toHaveLength(2);
    expect(texts()[1]).toMatch(/^:white_check_mark: Over after 5 min: 1 punch\(es\) are held/);
  });

  it('does not blame Kenjo for a punch held because it was too old when it arrived', async () => {
    const alerts = monitor();
    insertPunches(ledger, [newPunch({ status: 'failed', reason: 'too old', receivedAtMs: T0 })]);
    await alerts.check();
    expect(texts()).toEqual([expect.stringMatching(/1 punch\(es\) are held for an operator/)]);
    expect(texts()[0]).not.toMatch(/Kenjo/);
  });

  it('announces Kenjo unreachable only after the threshold, and its return', async () => {
    const alerts = monitor();
    stats.unreachableSinceMs = T0 - 9 * MINUTE;
    await alerts.check();
    expect(texts()).toEqual([]);
    clock.nowMs = T0 + MINUTE;
    await alerts.check();
    expect(texts()).toEqual([expect.stringContaining('Kenjo has not answered for 10 minutes')]);
    stats.unreachableSinceMs = null;
    await alerts.check();
    expect(texts()[1]).toMatch(/Over after .*Kenjo has not answered/);
  });

  it('announces a punch waiting longer than the threshold', async () => {
    const alerts = monitor();
    insertPunches(ledger, [newPunch({ receivedAtMs: T0 - 19 * MINUTE })]);
    await alerts.check();
    expect(texts()).toEqual([]);
    clock.nowMs = T0 + MINUTE;
    await alerts.check();
    expect(texts()).toEqual([expect.stringContaining('arrived 20 minutes ago')]);
  });

  it('reports a silent kiosk during its opening hours only, and its return', async () => {
    const alerts = monitor();
    const open = newKiosk({ name: 'Front door', lastSeenAtMs: T0 - 45 * MINUTE });
    const closed = newKiosk({ name: 'Night gate', lastSeenAtMs: T0 - 45 * MINUTE });
    const unwatched = newKiosk({ name: 'Spare', lastSeenAtMs: T0 - 45 * MINUTE });
    for (const kiosk of [open, closed, unwatched]) ledger.insertKiosk(kiosk, `hash-${kiosk.id}`);
    await saveOpeningHours(asyncOf(ledger), open.id, { days: [1, 2, 3, 4, 5], from: '07:00', to: '18:00' });
    await saveOpeningHours(asyncOf(ledger), closed.id, { days: [1, 2, 3, 4, 5], from: '20:00', to: '23:00' });
    await alerts.check();
    expect(texts()).toEqual([
      ':rotating_light: Kiosk proxy alert: Kiosk "Front door" has not been in touch for 45 minutes during its opening hours.',
    ]);
    ledger.reportKioskStatus(open.id, { lastSeenAtMs: clock.nowMs });
    clock.nowMs += MINUTE;
    await alerts.check();
    expect(texts()[1]).toMatch(/^:white_check_mark: Over after 1 min: Kiosk "Front door"/);
    expect(texts()).toHaveLength(2);
  });

  it('keeps a silent kiosk reported after closing time, until it is heard from again', async () => {
    const alerts = monitor();
    const kiosk = newKiosk({ name: 'Front door', lastSeenAtMs: T0 - 45 * MINUTE });
    ledger.insertKiosk(kiosk, 'hash');
    await saveOpeningHours(asyncOf(ledger), kiosk.id, { days: [1, 2, 3, 4, 5], from: '07:00', to: '18:00' });
    await alerts.check();
    expect(texts()).toHaveLength(1);
    clock.nowMs = T0 + 8 * 60 * MINUTE;
    await alerts.check();
    expect(texts()).toHaveLength(1);
    ledger.reportKioskStatus(kiosk.id, { lastSeenAtMs: clock.nowMs });
    await alerts.check();
    expect(texts()).toHaveLength(2);
    expect(texts()[1]).toMatch(/^:white_check_mark: Over after 480 min: Kiosk "Front door"/);
  });

  it('counts silence from the opening of the day, not from the evening before', async () => {
    const alerts = monitor();
    const kiosk = newKiosk({ lastSeenAtMs: T0 - 15 * 60 * MINUTE });
    ledger.insertKiosk(kiosk, 'hash');
    await saveOpeningHours(asyncOf(ledger), kiosk.id, { days: [3], from: '09:40', to: '18:00' });
    await alerts.check();
    expect(texts()).toEqual([]);
    clock.nowMs = T0 + 10 * MINUTE;
    await alerts.check();
    expect(texts()).toHaveLength(1);
  });

  it('offers an announcement the webhook refused again at the next check, and a restart repeats nothing', async () => {
    stats.unreachableSinceMs = T0 - 30 * MINUTE;
    receiver.status = 500;
    await monitor().check();
    expect(texts()).toEqual([]);
    expect(logs).toContain('alert not delivered; retrying at the next check');
    receiver.status = 200;
    await monitor().check();
    await monitor().check();
    expect(texts()).toHaveLength(1);
  });
});
