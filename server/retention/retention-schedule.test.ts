import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { LedgerStatus, NewPunch } from '../ledger/ledger';
import { insertPunches, newKiosk, newPunch } from '../testing/ledger-factories';
import { describeLedgers } from '../testing/ledger-implementations';
import { createRetentionSchedule } from './retention-schedule';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-06-01T12:00:00Z');
const OLD = NOW - 91 * DAY;

describeLedgers((open) => {
  let ledger: AsyncLedger;
  beforeEach(async () => {
    ledger = await open();
  });
  afterEach(() => ledger.close());

  /** A punch punched and received at `atMs`, brought to `status` (delivered at `deliveredAtMs` when sent). */
  async function stored(status: LedgerStatus, atMs: number, deliveredAtMs = atMs): Promise<NewPunch> {
    const initial = status === 'ignored' || status === 'rejected' ? status : 'queued';
    const punch = newPunch({ atMs, receivedAtMs: atMs, status: initial });
    await insertPunches(ledger, [punch]);
    if (status === 'sent') {
      await ledger.transition(punch.kioskId, punch.id, { from: ['queued'], to: 'sent', deliveredAtMs });
    } else if (status !== initial) {
      await ledger.transition(punch.kioskId, punch.id, { from: ['queued'], to: status });
    }
    return punch;
  }

  const schedule = (retentionDays = 90) =>
    createRetentionSchedule({
      ledger,
      retentionDays,
      now: () => NOW,
      logger: { info: () => undefined, error: () => undefined },
    });

  describe('retention', () => {
    it('deletes settled punches past the period and keeps everything else, kiosks and the audit trail included', async () => {
      const discarded = await stored('discarded', OLD);
      const gone = [await stored('sent', OLD), await stored('ignored', OLD), discarded];
      const kept = [
        await stored('sent', OLD, NOW - 10 * DAY), // delivered recently: settled only 10 days ago
        await stored('sent', NOW - 89 * DAY),
        await stored('rejected', OLD),
        await stored('failed', OLD),
        await stored('queued', OLD),
        await stored('sending', OLD),
      ];
      const kiosk = newKiosk();
      await ledger.insertKiosk(kiosk, 'hash');
      const audit = {
        atMs: OLD,
        actor: 'admin',
        action: 'punch.discard',
        target: discarded.id,
        reason: 'test',
        detail: {},
      };
      await ledger.appendAudit(audit);

      expect(await schedule().runOnce()).toBe(3);
      for (const punch of gone) expect(await ledger.getPunch(punch.kioskId, punch.id)).toBeNull();
      for (const punch of kept) expect(await ledger.getPunch(punch.kioskId, punch.id)).not.toBeNull();
      expect(await ledger.getKiosk(kiosk.id)).not.toBeNull();
      expect(await ledger.listAudit(10)).toEqual([audit]);
      expect(await schedule().runOnce()).toBe(0);
    });

    it('goes through more punches than one batch holds', async () => {
      await insertPunches(
        ledger,
        Array.from({ length: 1_200 }, (_, i) =>
          newPunch({ atMs: OLD - i, receivedAtMs: OLD, status: 'ignored' }),
        ),
      );
      expect(await schedule().runOnce()).toBe(1_200);
      expect((await ledger.countByStatus()).ignored).toBe(0);
    });

    it('follows RETENTION_DAYS', async () => {
      const punch = await stored('sent', NOW - 40 * DAY);
      expect(await schedule(90).runOnce()).toBe(0);
      expect(await schedule(30).runOnce()).toBe(1);
      expect(await ledger.getPunch(punch.kioskId, punch.id)).toBeNull();
    });
  });
});
