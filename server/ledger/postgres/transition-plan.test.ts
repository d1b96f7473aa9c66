import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { capturedStatements, genericPlan, scansOf } from '../../testing/generic-plan';
import { createTestDatabase, describePostgres, type TestDatabase } from '../../testing/postgres-fixture';
import { migratePostgres } from './migrate';
import { openPostgresPool } from './open-pool';
import { createReplayStore } from './replay-store';

/**
 * A replay changes each punch's state a few times, through one prepared statement per connection; a generic plan
 * made on a young table (a few hundred punches, not analyzed yet) for `kiosk_id = $1 AND id = $2` may seek the kiosk
 * only and filter its punches for the id: each change then reads every punch of the kiosk, thousands later on. The
 * plan is read for the statement the ledger actually sends (see `generic-plan.ts`).
 */
const YOUNG_TABLE_PUNCHES = 500;

describePostgres('transition on PostgreSQL, under a generic plan', (serverUrl) => {
  let database: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await createTestDatabase(serverUrl);
    pool = openPostgresPool(database.url, 2);
    await migratePostgres(pool);
    await pool.query(
      `INSERT INTO punches (kiosk_id, id, employee_kind, employee_value, employee_key, at, at_ms, time_zone,
                            kenjo_date_time, status, received_at_ms)
       SELECT 'k1', 'p' || n, 'externalId', 'e' || (n % 50),
              'e' || (n % 50), '2026-02-04T08:00:00Z', n, 'UTC', '2026-02-04T08:00:00', 'queued', n
         FROM generate_series(1, $1::int) AS n`,
      [YOUNG_TABLE_PUNCHES],
    );
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  // One seek on seq or on the (kiosk_id, id) key: either finds the one punch.
  it('finds a punch named with its seq by one seek, not a read of its kiosk', async () => {
    const change = { from: ['queued' as const], to: 'sending' as const, incrementAttempts: true, seq: 7 };
    const [statement] = await capturedStatements((db) =>
      createReplayStore(db).transition('k1', 'p7', change),
    );
    if (statement === undefined) throw new Error('transition sent no statement');
    const scans = scansOf(await genericPlan(database.url, statement));
    expect(scans).toHaveLength(1);
    expect(scans[0]?.['Index Cond']).toMatch(/\(seq = \$26\)|\(kiosk_id = \$1\) AND \(id = \$2\)/);
  });
});
