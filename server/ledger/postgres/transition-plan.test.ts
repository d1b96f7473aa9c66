import { afterAll, beforeAll, expect, it } from 'vitest';
import { capturedStatements, genericPlan, scansOf, youngLedger } from '../../testing/generic-plan';
import { describePostgres } from '../../testing/postgres-fixture';
import { createReplayStore } from './replay-store';

/**
 * A replay changes each punch's state a few times, through one prepared statement per connection; a generic plan
 * made on a young table (a few hundred punches, not analyzed yet) for `kiosk_id = $1 AND id = $2` may seek the kiosk
 * only and filter its punches for the id: each change then reads every punch of the kiosk, thousands later on. The
 * plan is read for the statement the ledger actually sends (see `generic-plan.ts`).
 */
describePostgres('transition on PostgreSQL, under a generic plan', (serverUrl) => {
  let ledger: Awaited<ReturnType<typeof youngLedger>>;
  beforeAll(async () => {
    ledger = await youngLedger(serverUrl, 1);
  });
  afterAll(() => ledger.close());

  // One seek on seq or on the (kiosk_id, id) key: either finds the one punch.
  it('finds a punch named with its seq by one seek, not a read of its kiosk', async () => {
    const change = { from: ['queued' as const], to: 'sending' as const, incrementAttempts: true, seq: 7 };
    const [statement] = await capturedStatements((db) =>
      createReplayStore(db).transition('k1', 'p7', change),
    );
    if (statement === undefined) throw new Error('transition sent no statement');
    const scans = scansOf(await genericPlan(ledger.database.url, statement));
    expect(scans).toHaveLength(1);
    expect(scans[0]?.['Index Cond']).toMatch(/\(seq = \$26\)|\(kiosk_id = \$1\) AND \(id = \$2\)/);
  });
});
