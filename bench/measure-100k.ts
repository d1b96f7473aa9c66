/**
 * A by-hand timing of the ledger's hot queries over 100,000 stored punches (`npx tsx bench/measure-100k.ts`).
 * Two shapes: a settled history (most punches sent) and a long outage (every punch still queued). Prints the mean of
 * repeated runs per query; speed is measured here, never asserted in tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewPunch } from '../server/ledger/ledger';
import { openDatabase } from '../server/ledger/open-database';
import { createSqliteLedger } from '../server/ledger/sqlite-ledger';
import { insertPunches } from '../server/testing/ledger-factories';

const TOTAL = 100_000;
const EMPLOYEES = 300;
const KIOSKS = 10;
const T0 = Date.UTC(2026, 0, 1);

function timeIt(label: string, runs: number, fn: () => unknown): void {
  fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i += 1) fn();
  const meanMs = Number(process.hrtime.bigint() - start) / 1e6 / runs;
  console.log(`  ${label.padEnd(44)} ${meanMs.toFixed(3)} ms`);
}

/** `settle` is an UPDATE that moves part of the history on (one statement: the replay's per-punch commits are not
 * what is measured here). */
function measure(shape: string, settle: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-100k-'));
  const db = openDatabase(dir);
  const ledger = createSqliteLedger(db);
  const insertStart = process.hrtime.bigint();
  for (let batch = 0; batch < TOTAL / 1000; batch += 1) {
    const punches: NewPunch[] = Array.from({ length: 1000 }, (_, i) => {
      const n = batch * 1000 + i;
      const atMs = T0 + n * 60_000;
      return {
        kioskId: `kiosk-${n % KIOSKS}`,
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        employee: { externalId: `B-${1000 + (n % EMPLOYEES)}` },
        employeeKey: `emp-${n % EMPLOYEES}`,
        at: new Date(atMs).toISOString(),
        atMs,
        timeZone: 'Europe/Berlin',
        kenjoDateTime: new Date(atMs).toISOString().slice(0, 19),
        status: 'queued',
        reason: null,
        receivedAtMs: atMs,
      };
    });
    insertPunches(ledger, punches);
  }
  const insertMs = Number(process.hrtime.bigint() - insertStart) / 1e6;
  console.log(`${shape}: inserted ${TOTAL} punches in batches of 1000 in ${insertMs.toFixed(0)} ms`);
  db.exec(settle);
  const now = T0 + TOTAL * 60_000;
  timeIt('dueChainHeads(limit 50)', 200, () => ledger.dueChainHeads(now, 50, new Set()));
  timeIt('dueChainHeads(limit 50, 100 excluded)', 200, () =>
    ledger.dueChainHeads(now, 50, new Set(Array.from({ length: 100 }, (_, i) => `emp-${i}`))),
  );
  timeIt('listPunches(limit 50)', 200, () => ledger.listPunches({ limit: 50 }));
  timeIt('listPunches(page at seq 50000)', 200, () => ledger.listPunches({ limit: 50, cursor: 50_000 }));
  timeIt('listPunches(status failed)', 200, () => ledger.listPunches({ limit: 50, status: ['failed'] }));
  timeIt('listPunches(status sent)', 200, () => ledger.listPunches({ limit: 50, status: ['sent'] }));
  timeIt('listPunches(status queued+failed)', 50, () =>
    ledger.listPunches({ limit: 50, status: ['queued', 'failed'] }),
  );
  timeIt('listPunches(kiosk)', 200, () => ledger.listPunches({ limit: 50, kioskId: 'kiosk-3' }));
  timeIt('listPunches(employee identifier)', 200, () =>
    ledger.listPunches({ limit: 50, employee: 'B-1042' }),
  );
  timeIt('listPunches(from/to one day)', 200, () =>
    ledger.listPunches({ limit: 50, fromMs: T0 + 86_400_000 * 30, toMs: T0 + 86_400_000 * 31 }),
  );
  timeIt('punchesOfEmployeeBetween(1 day)', 200, () =>
    ledger.punchesOfEmployeeBetween('emp-42', T0 + 86_400_000 * 30, T0 + 86_400_000 * 31),
  );
  timeIt('backlog', 200, () => ledger.backlog(now));
  timeIt('countByStatus', 50, () => ledger.countByStatus());
  timeIt('insertPunches(1 punch)', 200, () =>
    insertPunches(ledger, [
      {
        kioskId: 'kiosk-x',
        id: crypto.randomUUID(),
        employee: { externalId: 'B-1' },
        employeeKey: 'emp-1',
        at: '2026-01-01T00:00:00Z',
        atMs: T0,
        timeZone: 'UTC',
        kenjoDateTime: '2026-01-01T00:00:00',
        status: 'queued',
        reason: null,
        receivedAtMs: now,
      },
    ]),
  );
  ledger.close();
  rmSync(dir, { recursive: true, force: true });
}

measure(
  'settled history (90% sent, 5% queued, 2% failed, 3% ignored)',
  `UPDATE punches SET status = CASE WHEN seq % 100 < 90 THEN 'sent' WHEN seq % 100 < 95 THEN 'queued'
                                    WHEN seq % 100 < 97 THEN 'failed' ELSE 'ignored' END`,
);
measure('long outage (every punch queued)', 'SELECT 1');
