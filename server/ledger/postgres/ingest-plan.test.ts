import { afterAll, beforeAll, expect, it } from 'vitest';
import { capturedStatements, genericPlan, scansOf, youngLedger } from '../../testing/generic-plan';
import { describePostgres } from '../../testing/postgres-fixture';
import { createPunchStore, KIOSK_ID_KEY } from './punch-store';

/**
 * Ingest asks, for every batch, which of its ids the kiosk has stored, and a kiosk asks for one of its punches by id.
 * Under a generic plan made on a young table (see `generic-plan.ts`) these must still be seeks into the (kiosk_id, id)
 * key, one per id: a plan that reads the kiosk's punches, or the whole table, and filters them for the batch's ids
 * costs a read of every punch per batch, tens of milliseconds held under the employees' locks once the ledger grows.
 */
describePostgres('ingest reads on PostgreSQL, under a generic plan', (serverUrl) => {
  let ledger: Awaited<ReturnType<typeof youngLedger>>;
  beforeAll(async () => {
    ledger = await youngLedger(serverUrl, 4);
  });
  afterAll(() => ledger.close());

  it.each([
    {
      name: "a batch's stored ids",
      read: (store: ReturnType<typeof createPunchStore>) => store.storedPunchIds('k1', ['p1', 'p5', 'p9']),
    },
    {
      name: 'one punch by id',
      read: (store: ReturnType<typeof createPunchStore>) => store.getPunch('k1', 'p5'),
    },
  ])('$name: seeks into the (kiosk_id, id) key with both columns', async ({ read }) => {
    const [statement] = await capturedStatements((db) => read(createPunchStore(db)));
    if (statement === undefined) throw new Error('no statement sent');
    const scans = scansOf(await genericPlan(ledger.database.url, statement)).filter(
      (node) => node['Relation Name'] === 'punches' || node['Index Name'] !== undefined,
    );
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) {
      expect(scan['Index Name']).toBe(KIOSK_ID_KEY);
      expect(scan['Index Cond']).toMatch(/kiosk_id = .*\bid\b/);
    }
  });
});
