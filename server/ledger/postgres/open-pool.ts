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
 */
export function openPostgresPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 5_000 });
  // An idle connection cut by a database restart emits 'error' on the pool; without a listener Node would exit.
  pool.on('error', () => undefined);
  return pool;
}
