/**
 * Every instance's news of punches that may have been put ahead of a chain head. The ledger's triggers
 * (`punches_inserted` and `punches_ahead`, in `schema.ts`) notify the `punches_ahead` channel in each commit that adds
 * a punch, brings one back to the queue from a settled state, or gives one its employee; PostgreSQL delivers the notification to every listening session after that
 * commit. The replay checks a claim it committed a while ago against its chain head before calling Kenjo
 * (`slots.ts`); while nothing was notified since the claim's head was read, that check would find the same head,
 * and the read is spared.
 *
 * One connection of its own, outside the pool (a pooled connection is handed to others between queries and cannot
 * hold a LISTEN). While it is down, nothing notified can be trusted to have arrived: `version` is null until it
 * listens again, and the replay checks every claim meanwhile.
 */
import pg from 'pg';

const CHANNEL = 'punches_ahead';
/** How soon a lost listening connection is made again (the database restarting, a network cut). */
const RECONNECT_MS = 1_000;

export interface PunchesAhead {
  /**
   * A number that changes with every notification, and every time listening stops or starts again; null while not
   * listening. Two equal readings mean no punch was put ahead in any commit notified between them.
   */
  version(): number | null;
  close(): Promise<void>;
}

export function listenForPunchesAhead(url: string): PunchesAhead {
  let counter = 0;
  let listening = false;
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const lost = (from: pg.Client) => {
    if (client !== from) return;
    client = null;
    listening = false;
    counter += 1;
    from.removeAllListeners('notification');
    // A broken connection may still emit: the listener stays, so that an error is never unhandled.
    void from.end().catch(() => undefined);
    if (!closed) {
      retry = setTimeout(connect, RECONNECT_MS);
      retry.unref();
    }
  };

  function connect(): void {
    retry = null;
    if (closed) return;
    const next = new pg.Client({ connectionString: url });
    client = next;
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    next.on('notification', () => {
      counter += 1;
    });
    next
      .connect()
      .then(() => next.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        if (client !== next) return;
        counter += 1;
        listening = true;
      })
      .catch(() => lost(next));
  }

  connect();
  return {
    version: () => (listening ? counter : null),
    async close() {
      closed = true;
      if (retry !== null) clearTimeout(retry);
      const open = client;
      client = null;
      listening = false;
      await open?.end().catch(() => undefined);
    },
  };
}
