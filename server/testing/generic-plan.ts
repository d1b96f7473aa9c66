/**
 * What a ledger statement costs once PostgreSQL keeps a generic plan for it. Each statement is prepared once per
 * connection (`statement-names.ts`); after five executions PostgreSQL may keep a plan made without the parameters'
 * values, and keeps it while the table grows. Made on a young table, such a plan can read every punch of a kiosk for
 * one id. Tests capture the statement a store sends and read its plan under `plan_cache_mode = force_generic_plan`.
 */
import pg from 'pg';
import type { Connection } from '../ledger/postgres/connection';
import { migratePostgres } from '../ledger/postgres/migrate';
import { openPostgresPool } from '../ledger/postgres/open-pool';
import { createTestDatabase, type TestDatabase } from './postgres-fixture';

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

export interface SentStatement {
  text: string;
  values: unknown[];
}

/** Every node of a plan, depth first. */
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** The Node values the ledger binds, as SQL literals for `EXECUTE name(...)`. */
function literal(client: pg.Client, value: unknown): string {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return client.escapeLiteral(`{${value.join(',')}}`);
  if (typeof value === 'string') return client.escapeLiteral(value);
  return String(value);
}

/** The statements `work` sends through the connection it is given, which answers every one with no rows. */
export async function capturedStatements(
  work: (db: Connection) => Promise<unknown>,
): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  const capture: Connection = {
    query: async (text, values = []) => {
      sent.push({ text, values });
      return [];
    },
    transaction: (work) => work(),
    inTransaction: () => false,
  };
  await work(capture);
  return sent;
}

/** The nodes of `statement`'s generic plan on the database at `url`, depth first. */
export async function genericPlan(url: string, statement: SentStatement): Promise<PlanNode[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET plan_cache_mode = force_generic_plan');
    await client.query(`PREPARE explained AS ${statement.text}`);
    const args = statement.values.map((value) => literal(client, value)).join(', ');
    const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      `EXPLAIN (FORMAT JSON) EXECUTE explained(${args})`,
    );
    const [explained] = rows[0]?.['QUERY PLAN'] ?? [];
    if (explained === undefined) throw new Error('no plan');
    return nodesOf(explained.Plan);
  } finally {
    await client.end();
  }
}

/** The plan's nodes that read a table or an index. */
export const scansOf = (nodes: readonly PlanNode[]) =>
  nodes.filter((node) => node['Node Type'].includes('Scan'));

/** How many punches a young ledger holds: enough for a plan, too few for PostgreSQL to have analyzed the table. */
const YOUNG_TABLE_PUNCHES = 500;

/**
 * A migrated ledger on a database of its own, holding `YOUNG_TABLE_PUNCHES` queued punches (`p1`, `p2`, …) of 50
 * employees spread over `kiosks` kiosks (`k1`, `k2`, …), never analyzed: where a generic plan is made young.
 */
export async function youngLedger(
  serverUrl: string,
  kiosks: number,
): Promise<{ database: TestDatabase; pool: pg.Pool; close(): Promise<void> }> {
  const database = await createTestDatabase(serverUrl);
  const pool = openPostgresPool(database.url, 2);
  await migratePostgres(pool);
  await pool.query(
    `INSERT INTO punches (kiosk_id, id, employee_kind, employee_value, employee_key, at, at_ms, time_zone,
                          kenjo_date_time, status, received_at_ms)
     SELECT 'k' || ((n - 1) % $2::int + 1), 'p' || n, 'externalId', 'e' || (n % 50),
            'e' || (n % 50), '2026-02-04T08:00:00Z', n, 'UTC', '2026-02-04T08:00:00', 'queued', n
       FROM generate_series(1, $1::int) AS n`,
    [YOUNG_TABLE_PUNCHES, kiosks],
  );
  return {
    database,
    pool,
    async close() {
      await pool.end();
      await database.drop();
    },
  };
}
