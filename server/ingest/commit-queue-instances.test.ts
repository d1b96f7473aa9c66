/**
 * Two instances' group commits on one PostgreSQL ledger, each holding batches of the same two kiosks in opposite
 * orders. Each batch records its kiosk as seen; were the kiosks' rows taken batch by batch, each group would hold one
 * and wait for the other's, and PostgreSQL would fail one of them as a deadlock (a punch answered 500).
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AsyncLedger } from '../ledger/async-ledger';
import { openPostgresLedger } from '../ledger/postgres/postgres-ledger';
import { newKiosk } from '../testing/ledger-factories';
import { createTestDatabase, describePostgres, type TestDatabase } from '../testing/postgres-fixture';
import { sleep } from '../testing/proxy-http';
import { EMPLOYEES, T0, employee, fakeDirectory } from '../testing/routes-harness';
import { ingestBatch } from './ingest-batch';
import type { IngestContext } from './types';

describePostgres('group commits of two instances on one PostgreSQL ledger', (serverUrl) => {
  let database: TestDatabase;
  let ledgers: AsyncLedger[];
  beforeAll(async () => {
    database = await createTestDatabase(serverUrl);
    ledgers = await Promise.all([openPostgresLedger(database.url), openPostgresLedger(database.url)]);
  });
  afterAll(async () => {
    await Promise.all(ledgers.map((ledger) => ledger.close()));
    await database.drop();
  });

  it('stores every batch when both hold batches of the same two kiosks in opposite orders', async () => {
    const [ledgerA, ledgerB] = ledgers;
    if (ledgerA === undefined || ledgerB === undefined) throw new Error('two ledgers');
    const [front, yard] = [newKiosk({ name: 'Front' }), newKiosk({ name: 'Yard' })];
    await ledgerA.insertKiosk(front, `hash-${front.id}`);
    await ledgerA.insertKiosk(yard, `hash-${yard.id}`);
    const people = [
      ...EMPLOYEES,
      employee({ userId: 'u-kim', email: 'kim@demo.example', externalId: 'B-1004', displayName: 'Kim' }),
      employee({ userId: 'u-lou', email: 'lou@demo.example', externalId: 'B-1005', displayName: 'Lou' }),
    ];

    // Each instance's first batch, once written, waits for the other's first (or half a second): without one order
    // for the kiosks' rows, each group then holds one kiosk's row and goes for the other's.
    const written = [false, false];
    const firstWritten = (self: number): AsyncLedger => {
      const ledger = self === 0 ? ledgerA : ledgerB;
      return {
        ...ledger,
        async insertKioskBatch(seen, punches) {
          const outcomes = await ledger.insertKioskBatch(seen, punches);
          if (!written[self]) {
            written[self] = true;
            for (let waited = 0; !written[1 - self] && waited < 500; waited += 10) await sleep(10);
          }
          return outcomes;
        },
      };
    };
    const context = (self: number): IngestContext => ({
      ledger: firstWritten(self),
      directory: fakeDirectory(people),
      now: () => T0,
      logger: pino({ level: 'silent' }),
      doubleScanWindowS: 60,
      maxClockSkewS: 300,
      maxPunchAgeDays: 14,
    });
    const [a, b] = [context(0), context(1)];
    const batch = (badge: string) => ({
      sentAt: new Date(T0).toISOString(),
      punches: [
        { id: randomUUID(), employee: { externalId: badge }, at: new Date(T0 - 60_000).toISOString() },
      ],
    });

    const answers = await Promise.allSettled([
      ingestBatch(a, front, batch('B-1001')),
      ingestBatch(a, yard, batch('B-1002')),
      ingestBatch(b, yard, batch('B-1004')),
      ingestBatch(b, front, batch('B-1005')),
    ]);

    expect(written).toEqual([true, true]);
    expect(
      answers.map((answer) =>
        answer.status === 'fulfilled' ? answer.value.results.map((r) => r.status) : String(answer.reason),
      ),
    ).toEqual([['accepted'], ['accepted'], ['accepted'], ['accepted']]);
  }, 30_000);
});
