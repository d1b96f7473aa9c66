import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger, LedgerStatus, NewPunch } from '../ledger/ledger';
import { asyncOf, insertPunches, memoryLedger, newKiosk, newPunch } from '../testing/ledger-factories';
import { createRetentionSchedule } from './retention-schedule';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-06-01T12:00:00Z');
const OLD = NOW - 91 * DAY;

let ledger: Ledger;
beforeEach(() => {
  ledger = memoryLedger();
});
afterEach(() => ledger.close());

/** A punch punched and received at `atMs`, brought to `status` (delivered at `deliveredAtMs` when sent). */
function stored(status: LedgerStatus, atMs: number, deliveredAtMs = atMs): NewPunch {
  const initial = status === 'ignored' || status === 'rejected' ? status : 'queued';
  const punch = newPunch({ atMs, receivedAtMs: atMs, status: initial });
  insertPunches(ledger, [punch]);
  if (status === 'sent')
    ledger.transition(punch.kioskId, punch.id, { from: ['queued'], to: 'sent', deliveredAtMs });
  else if (status !== initial) ledger.transition(punch.kioskId, punch.id, { from: ['queued'], to: status });
  return punch;
}

const schedule = (retentionDays = 90) =>
  createRetentionSchedule({
    ledger: asyncOf(ledger),
    retentionDays,
    now: () => NOW,
    logger: { info: () => undefined, error: () => undefined },
  });

describe('retention', () => {
  it('deletes settled punches past the period and keeps everything else, kiosks and the audit trail included', async () => {
    const discarded = stored('discarded', OLD);
    const gone = [stored('sent', OLD), stored('ignored', OLD), discarded];
    const kept = [
      stored('sent', OLD, NOW - 10 * DAY), // delivered recently: settled only 10 days ago
      stored('sent', NOW - 89 * DAY),
      stored('rejected', OLD),
      stored('failed', OLD),
      stored('queued', OLD),
      stored('sending', OLD),
    ];
    const kiosk = newKiosk();
    ledger.insertKiosk(kiosk, 'hash');
    const audit = {
      atMs: OLD,
      actor: 'admin',
      action: 'punch.discard',
      target: discarded.id,
      reason: 'test',
      detail: {},
    };
    ledger.appendAudit(audit);

    expect(await schedule().runOnce()).toBe(3);
    for (const punch of gone) expect(ledger.getPunch(punch.kioskId, punch.id)).toBeNull();
    for (const punch of kept) expect(ledger.getPunch(punch.kioskId, punch.id)).not.toBeNull();
    expect(ledger.getKiosk(kiosk.id)).not.toBeNull();
    expect(ledger.listAudit(10)).toEqual([audit]);
    expect(await schedule().runOnce()).toBe(0);
  });

  it('goes through more punches than one batch holds', async () => {
    insertPunches(
      ledger,
      Array.from({ length: 1_200 }, (_, i) =>
        newPunch({ atMs: OLD - i, receivedAtMs: OLD, status: 'ignored' }),
      ),
    );
    expect(await schedule().runOnce()).toBe(1_200);
    expect(ledger.countByStatus().ignored).toBe(0);
  });

  it('follows RETENTION_DAYS', async () => {
    const punch = stored('sent', NOW - 40 * DAY);
    expect(await schedule(90).runOnce()).toBe(0);
    expect(await schedule(30).runOnce()).toBe(1);
    expect(ledger.getPunch(punch.kioskId, punch.id)).toBeNull();
  });
});
