/**
 * What every instance learns from the others' commits without asking the database, through PostgreSQL's
 * LISTEN/NOTIFY. The ledger's triggers (in `schema.ts`) notify, in the commit that makes the change:
 * - `punches_ahead`: a punch that may now be ahead of a chain head was added, queued again from a settled state, or
 *   given its employee. The replay checks a claim it committed a while ago against its chain head before calling
 *   Kenjo (`slots.ts`); while nothing was notified since that head was read, the check would find the same head.
 * - `kenjo_pause`: Kenjo's request to wait was written. The replay reads the shared pause before each pass
 *   (`shared-pause.ts`); while nothing was notified since its last read, the pause it knows is the stored one.
 *
 * PostgreSQL delivers a notification to every listening session after the commit. One connection of its own,
 * outside the pool (a pooled connection is handed to others between queries and cannot hold a LISTEN). While it is
 * down, nothing notified can be trusted to have arrived: every reading is null until it listens again, and the
 * replay reads the database each time meanwhile.
 */
import pg from 'pg';

export const NOTICE_CHANNELS = ['punches_ahead', 'kenjo_pause'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** How soon a lost listening connection is made again (the database restarting, a network cut). */
const RECONNECT_MS = 1_000;

export interface LedgerNotices {
  /**
   * A number that changes with every notification on `channel`, and every time listening stops or starts again;
   * null while not listening. Two equal readings mean nothing was notified on the channel between them.
   */
  version(channel: NoticeChannel): number | null;
  close(): Promise<void>;
}

export function listenToLedger(url: string): LedgerNotices {
  const counters = new Map<string, number>(NOTICE_CHANNELS.map((channel) => [channel, 0]));
  let listening = false;
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const bumpAll = () => {
    for (const [channel, n] of counters) counters.set(channel, n + 1);
  };

  const lost = (from: pg.Client) => {
    if (client !== from) return;
    client = null;
    listening = false;
    bumpAll();
    from.removeAllListeners('notification');
    // A broken connection may still emit: its error listener stays, so that an error is never unhandled.
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
    next.on('notification', ({ channel }) => {
      const n = counters.get(channel);
      if (n !== undefined) counters.set(channel, n + 1);
    });
    next
      .connect()
      .then(() => next.query(NOTICE_CHANNELS.map((channel) => `LISTEN ${channel}`).join('; ')))
      .then(() => {
        if (client !== next) return;
        bumpAll();
        listening = true;
      })
      .catch(() => lost(next));
  }

  connect();
  return {
    version: (channel) => (listening ? (counters.get(channel) ?? null) : null),
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
