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
 * outside the pool (a pooled connection is handed to others between queries and cannot hold a LISTEN). The readings
 * count as listening only once a probe notified through the pool has come back on that connection, and again every
 * `PROBE_MS`: a connection that stopped hearing (cut without a word, or behind a pooler in transaction mode, which
 * never delivers notices) is dropped and made again. While it does not hear, nothing notified can be trusted to have
 * arrived: every reading is null, and the replay reads the database each time meanwhile.
 */
import pg from 'pg';

export const NOTICE_CHANNELS = ['punches_ahead', 'kenjo_pause'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** How soon a lost listening connection is made again (the database restarting, a network cut). */
const RECONNECT_MS = 1_000;
/** How often a probe checks that the connection still hears; one not back by the next is taken as lost. */
const PROBE_MS = 2_000;
/** The payload of a probe; the trigger's notices have none. */
const PROBE = 'probe:';

export interface LedgerNotices {
  /**
   * A number that changes with every notification on `channel`, and every time listening stops or starts again;
   * null while not listening. Two equal readings mean nothing was notified on the channel between them.
   */
  version(channel: NoticeChannel): number | null;
  close(): Promise<void>;
}

/**
 * Listens on `url`; `probe(channel, payload)` notifies through another connection (the ledger's pool), so that a
 * probe coming back shows notices from other sessions reach this one.
 */
export function listenToLedger(
  url: string,
  probe: (channel: NoticeChannel, payload: string) => Promise<unknown>,
): LedgerNotices {
  const counters = new Map<string, number>(NOTICE_CHANNELS.map((channel) => [channel, 0]));
  let listening = false;
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let probes: NodeJS.Timeout | null = null;
  let probesSent = 0;
  /** The probe awaited on the current connection; null once it came back. */
  let awaited: string | null = null;

  const stopTimers = () => {
    if (retry !== null) clearTimeout(retry);
    if (probes !== null) clearInterval(probes);
    retry = null;
    probes = null;
  };

  const bumpAll = () => {
    for (const [channel, n] of counters) counters.set(channel, n + 1);
  };

  const lost = (from: pg.Client) => {
    if (client !== from) return;
    client = null;
    listening = false;
    awaited = null;
    stopTimers();
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
    next.on('notification', ({ channel, payload = '' }) => {
      if (!payload.startsWith(PROBE)) {
        const n = counters.get(channel);
        if (n !== undefined) counters.set(channel, n + 1);
      } else if (payload === awaited && client === next) {
        awaited = null;
        if (!listening) bumpAll();
        listening = true;
      }
    });
    next
      .connect()
      .then(() => next.query(NOTICE_CHANNELS.map((channel) => `LISTEN ${channel}`).join('; ')))
      .then(() => {
        if (client !== next) return;
        sendProbe(next);
        probes = setInterval(() => sendProbe(next), PROBE_MS);
        probes.unref();
      })
      .catch(() => lost(next));
  }

  /** Sends the next probe; the previous one still awaited means this connection stopped hearing. */
  function sendProbe(on: pg.Client): void {
    if (client !== on) return;
    if (awaited !== null && listening) {
      lost(on);
      return;
    }
    probesSent += 1;
    awaited = `${PROBE}${probesSent}`;
    // A probe that cannot be sent (the database unreachable) is simply not answered: the next one tells.
    probe(NOTICE_CHANNELS[0], awaited).catch(() => undefined);
  }

  connect();
  return {
    version: (channel) => (listening ? (counters.get(channel) ?? null) : null),
    async close() {
      closed = true;
      stopTimers();
      const open = client;
      client = null;
      listening = false;
      await open?.end().catch(() => undefined);
    },
  };
}
