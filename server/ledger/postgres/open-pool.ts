import pg from 'pg';

/** BIGINT (int8) and NUMERIC come back from `pg` as strings; the ledger's BIGINTs are epoch milliseconds and counts. */
const INT8_OID = 20;

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * A connection pool to the ledger's database. Connections that break (the database restarted) are dropped and new
 * ones made on the next query; `connectionTimeoutMillis` bounds how long a request waits while it is down.
 *
 * Connections pipeline: a statement is written at once, without waiting for the answer to the one before on the
 * same connection. A transaction's BEGIN and each SAVEPOINT are written at once and the statement after them follows
 * without waiting for their answer: no round trip of their own (see `connection.ts`), on the replay's path a
 * savepoint per punch. Each is still a write of its own to the socket. Pipelined connections
 * refuse what keeps a portal open across round trips (pg-cursor, pg-query-stream, the `rows` option): the ledger
 * reads whole results.
 */
export function openPostgresPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    connectionTimeoutMillis: 5_000,
    pipeline: true,
  });
  // An idle connection cut by a database restart emits 'error' on the pool; without a listener Node would exit.
  pool.on('error', () => undefined);
  return pool;
}
