import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describePostgres, type TestDatabase } from '../../testing/postgres-fixture';
import type { Connection } from './connection';
import { migratePostgres } from './migrate';
import { openPostgresPool } from './open-pool';
import { createReplayStore } from './replay-store';

/**
 * A replay changes each punch's state a few times, through one prepared statement per connection; after five
 * executions PostgreSQL may keep a generic plan, made without the parameters' values, and keeps it while the table
 * grows. Made on a young table (a few hundred punches, not analyzed yet), such a plan for `kiosk_id = $1 AND id = $2`
 * seeks the kiosk only and filters its punches for the id: each change then reads every punch of the kiosk, thousands
 * later on. The plan is read with EXPLAIN under `plan_cache_mode = force_generic_plan`, for the statement the ledger
 * actually sends.
 */
const YOUNG_TABLE_PUNCHES = 500;

/** The Node values the ledger binds, as SQL literals for `EXECUTE name(...)`. */
function literal(client: pg.Client, value: unknown): string {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return client.escapeLiteral(`{${value.join(',')}}`);
  if (typeof value === 'string') return client.escapeLiteral(value);
  return String(value);
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/** Every node of a plan, depth first. */
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

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

  /** The statement the ledger sends for `transition`, captured and explained instead of run. */
  async function genericPlan(seq: number | undefined): Promise<PlanNode[]> {
    const sent: { text: string; values: unknown[] }[] = [];
    const capture: Connection = {
      query: async (text, values = []) => {
        sent.push({ text, values });
        return [];
      },
      transaction: (work) => work(),
      inTransaction: () => false,
    };
    const change = { from: ['queued' as const], to: 'sending' as const, incrementAttempts: true };
    await createReplayStore(capture).transition('k1', 'p7', seq === undefined ? change : { ...change, seq });
    const [statement] = sent;
    if (statement === undefined) throw new Error('transition sent no statement');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('SET plan_cache_mode = force_generic_plan');
      await client.query(`PREPARE transition AS ${statement.text}`);
      const args = statement.values.map((value) => literal(client, value)).join(', ');
      const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        `EXPLAIN (FORMAT JSON) EXECUTE transition(${args})`,
      );
      const [explained] = rows[0]?.['QUERY PLAN'] ?? [];
      if (explained === undefined) throw new Error('no plan');
      return nodesOf(explained.Plan);
    } finally {
      await client.end();
    }
  }

  it('finds a punch named with its seq by one seek on seq, not a read of its kiosk', async () => {
    const scans = (await genericPlan(7)).filter((node) => node['Node Type'].includes('Scan'));
    expect(scans).toHaveLength(1);
    expect(scans[0]?.['Index Cond']).toMatch(/\(seq = \$26\)/);
  });
});
