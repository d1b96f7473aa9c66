/**
 * What a ledger statement costs once PostgreSQL keeps a generic plan for it. Each statement is prepared once per
 * connection (`statement-names.ts`); after five executions PostgreSQL may keep a plan made without the parameters'
 * values, and keeps it while the table grows. Made on a young table, such a plan can read every punch of a kiosk for
 * one id. Tests capture the statement a store sends and read its plan under `plan_cache_mode = force_generic_plan`.
 */
import pg from 'pg';
import type { Connection } from '../ledger/postgres/connection';

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
