/**
 * The replay engine as the proxy runs it, without the HTTP front: a SQLite ledger in a temp DATA_DIR, the real Kenjo
 * client and the real replay loop, pointed at a running simulator. Punches go straight into the ledger, already
 * resolved to their Kenjo employee, as ingest stores them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../server/config';
import { createKenjoClient, type KenjoClient } from '../../server/kenjo';
import type { Ledger, NewPunch } from '../../server/ledger/ledger';
import { createReplay, type Replay, type ReplayOptions } from '../../server/replay/replay';
import type { ReplayLogger } from '../../server/replay/types';
import type { SimEmployee } from '../../server/simulator';
import { asyncOf, fileLedger, insertPunches } from '../../server/testing/ledger-factories';
import { timedLedger, type LedgerTiming } from './timed-ledger';

/** What a fresh server uses unless configured otherwise. */
export const SERVER_DEFAULTS = parseConfig({});

export const silentLogger: ReplayLogger = { info() {}, warn() {}, error() {} };

export interface ReplayRig {
  ledger: Ledger;
  kenjo: KenjoClient;
  replay: Replay;
  /** Time the replay spent inside the ledger (blocking the event loop). */
  timing: LedgerTiming;
  /** Starts the replay and resolves when nothing is queued or sending; returns the elapsed milliseconds. */
  drain(timeoutMs: number): Promise<number>;
  close(): Promise<void>;
}

export function tempDataDir(label: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `kiosk-bench-${label}-`));
}

export function openReplayRig(options: {
  baseUrl: string;
  employees: readonly SimEmployee[];
  rows: readonly NewPunch[];
  concurrency: number;
  kenjoTimeoutMs?: number;
  replay?: Partial<Pick<ReplayOptions, 'backoff' | 'readBackDelayMs' | 'tickMs'>>;
}): ReplayRig {
  const dataDir = tempDataDir('replay');
  const ledger = fileLedger(dataDir);
  insertPunches(ledger, options.rows);
  const kenjo = createKenjoClient({
    baseUrl: options.baseUrl,
    apiKey: 'demo-api-key',
    timeoutMs: options.kenjoTimeoutMs ?? SERVER_DEFAULTS.KENJO_TIMEOUT_MS,
  });
  const byId = new Set(options.employees.map((e) => e._id));
  const timed = timedLedger(asyncOf(ledger));
  const replay = createReplay({
    ledger: timed.ledger,
    kenjo,
    directory: {
      resolve: (ref) =>
        'userId' in ref && byId.has(ref.userId)
          ? { kind: 'found', userId: ref.userId }
          : { kind: 'unknown', reason: 'not in the benchmark company' },
    },
    now: Date.now,
    maxShiftHours: SERVER_DEFAULTS.MAX_SHIFT_HOURS,
    logger: silentLogger,
    concurrency: options.concurrency,
    ...options.replay,
  });

  async function drain(timeoutMs: number): Promise<number> {
    const startedMs = performance.now();
    replay.start();
    for (;;) {
      await replay.idle();
      const elapsedMs = performance.now() - startedMs;
      if (ledger.backlog(Date.now()).waiting === 0) return elapsedMs;
      if (elapsedMs > timeoutMs) throw new Error(`replay did not drain within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  return {
    ledger,
    kenjo,
    replay,
    timing: timed.timing,
    drain,
    async close() {
      await replay.stop();
      await kenjo.close();
      ledger.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
