import { describe, expect, it } from 'vitest';
import { migrate } from './migrations';
import { openDatabase } from './open-database';
import { NEXT_CHAIN_HEAD_SQL } from './replay-batch-store';
import { DUE_CHAIN_HEADS_SQL } from './replay-store';

/**
 * The queries that must stay fast with a large history use an index, never a full scan of `punches`. Plans are read
 * with EXPLAIN QUERY PLAN on the real schema; `SCAN punches` without an index would mean reading every row.
 */
const db = openDatabase(':memory:');
migrate(db);

function plan(sql: string, params: Record<string, unknown> = {}): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map(
    (row) => row.detail,
  );
}

describe('query plans', () => {
  it.each([
    {
      name: 'chain heads: the distinct keys and each head come from the unsettled partial index',
      sql: `SELECT MIN(employee_key) FROM punches INDEXED BY punches_unsettled
             WHERE status IN ('queued', 'sending', 'failed') AND employee_key > 'a'`,
      index: 'punches_unsettled',
    },
    {
      name: 'chain head of one employee',
      sql: `SELECT seq FROM punches INDEXED BY punches_unsettled WHERE employee_key = 'a' AND status IN ('queued', 'sending', 'failed')
             ORDER BY at_ms, seq LIMIT 1`,
      index: 'punches_unsettled',
    },
    {
      name: 'nextChainHead: one seek into the unsettled partial index',
      sql: NEXT_CHAIN_HEAD_SQL.replace('?', "'a'"),
      index: 'punches_unsettled',
    },
    {
      name: 'punches of an employee between two instants',
      sql: `SELECT * FROM punches WHERE employee_key = 'a' AND at_ms BETWEEN 1 AND 2
             AND status NOT IN ('ignored', 'rejected', 'discarded') ORDER BY at_ms, seq`,
      index: 'punches_employee_at',
    },
    {
      name: 'list by kiosk, newest first',
      sql: `SELECT * FROM punches WHERE kiosk_id = 'k' AND seq < 100 ORDER BY seq DESC LIMIT 51`,
      index: 'punches_kiosk_seq',
    },
    {
      name: 'list by one status, newest first',
      sql: `SELECT * FROM punches WHERE status IN (SELECT value FROM json_each('["sent"]')) ORDER BY seq DESC LIMIT 51`,
      index: 'punches_status_seq',
    },
    {
      name: 'backlog count',
      sql: `SELECT COUNT(*) FROM punches WHERE status IN ('queued', 'sending')`,
      index: 'INDEX punches_status_',
    },
    {
      name: 'unresolved punches',
      sql: `SELECT * FROM punches INDEXED BY punches_unresolved
             WHERE employee_key IS NULL AND status = 'queued' ORDER BY seq LIMIT 10`,
      index: 'punches_unresolved',
    },
  ])('$name', ({ sql, index }) => {
    const detail = plan(sql).join('\n');
    expect(detail).toContain(index);
    expect(detail).not.toMatch(/SCAN punches(?! USING)/);
  });

  it('the whole chain-heads statement reaches punches only through indexes', () => {
    const detail = plan(DUE_CHAIN_HEADS_SQL, { nowMs: 0, limit: 10, exclude: '[]' });
    expect(detail.filter((line) => line.includes('punches_unsettled')).length).toBeGreaterThanOrEqual(2);
    expect(detail.join('\n')).not.toMatch(/SCAN (punches|p)(?! USING)/);
  });
});
