/**
 * Feeds scenario punches through the real ingest (validation, double-scan window, durable insert) as kiosks would:
 * batches, possibly out of order and resent.
 */
import pino from 'pino';
import { ingestBatch } from '../ingest/ingest-batch';
import type { IngestContext, IngestResult } from '../ingest/types';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { KioskRecord } from '../ledger/ledger';
import type { ServiceDirectory } from '../services';
import type { ScenarioPunch } from './scenario';
import { newKiosk } from './ledger-factories';

export interface IngestDriver {
  post(kioskId: string, punches: readonly ScenarioPunch[]): Promise<IngestResult[]>;
  results: IngestResult[];
}

export function kioskRecord(id: string, timeZone: string, nowMs: number): KioskRecord {
  return newKiosk({ id, name: id, timeZone, createdAtMs: nowMs });
}

export function ingestDriver(options: {
  ledger: AsyncLedger;
  directory: ServiceDirectory;
  kiosks: readonly KioskRecord[];
  nowMs: number;
  onStored: () => void;
}): IngestDriver {
  // Stored before the first batch is taken in, as pairing would have stored them.
  const kiosksStored = Promise.all(
    options.kiosks.map((kiosk) => options.ledger.insertKiosk(kiosk, `hash-of-${kiosk.id}`)),
  );
  const ctx: IngestContext = {
    ledger: options.ledger,
    directory: options.directory,
    now: () => options.nowMs,
    logger: pino({ level: 'silent' }),
    doubleScanWindowS: 60,
    maxClockSkewS: 300,
    maxPunchAgeDays: 14,
  };
  const results: IngestResult[] = [];
  return {
    results,
    async post(kioskId, punches) {
      const kiosk = options.kiosks.find((k) => k.id === kioskId);
      if (kiosk === undefined) throw new Error(`no kiosk ${kioskId}`);
      await kiosksStored;
      const body = { sentAt: new Date(options.nowMs).toISOString(), punches: punches.map((p) => p.punch) };
      const answer = await ingestBatch(ctx, kiosk, body);
      results.push(...answer.results);
      options.onStored();
      return answer.results;
    },
  };
}
