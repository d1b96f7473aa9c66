/**
 * Keeps the outbox flowing to the proxy. Triggers: every new punch (`punched`), the browser coming online, and a
 * retry timer with exponential backoff while the proxy is unreachable. While sends fail, a new punch waits for that
 * timer (or the caller's sweep): on a slow tablet each failing send is work beside the next person's answer, and the
 * punch is on disk already. One drain at a time in this tab (a trigger during a drain runs one more drain
 * afterwards) and one across tabs (`withSyncLock`). A 401 means the kiosk was revoked: sending stops, the outbox is
 * kept, and `onRevoked` sends the kiosk back to setup.
 */
import type { FetchFn } from '../api/http';
import { writeSetting } from '../outbox/settings';
import { formatInstant } from '../punch/instant';
import { backoffDelayMs } from './backoff';
import { drainOutbox, type DrainOutcome } from './drain';
import { withSyncLock } from './sync-lock';

export interface SyncStatus {
  sending: boolean;
  /** When the proxy last answered for punches of this device. */
  lastSyncAt: string | null;
  /** Consecutive attempts that could not reach the proxy. */
  failures: number;
  retryAtMs: number | null;
  revoked: boolean;
}

export interface SyncEngineOptions {
  fetch: FetchFn;
  getToken: () => Promise<string | null>;
  timeZone: () => string;
  onRevoked: () => void;
  onDrained?: (outcome: DrainOutcome) => void;
  lastSyncAt?: string | null;
  now?: () => number;
  random?: () => number;
  locks?: LockManager | null;
  schedule?: (run: () => void, delayMs: number) => () => void;
  /** Passed to each drain (`DrainOptions.settle`), and awaited before the status a drain ends with. */
  settle?: () => Promise<void>;
}

export interface SyncEngine {
  /** Starts a drain now (or right after the running one); resolves when the outbox was tried. */
  trigger(): Promise<void>;
  /**
   * A punch was stored: sends it like `trigger`, unless sends are failing and none is running; the retry timer then
   * sends it. During a running retry it asks for one more drain, which runs only if that retry reaches the proxy.
   */
  punched(): void;
  status(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /** Stops triggering and retrying (a drain in flight finishes); `start` resumes. Engines start running. */
  stop(): void;
  start(): void;
}

const defaultSchedule = (run: () => void, delayMs: number) => {
  const handle = setTimeout(run, delayMs);
  return () => clearTimeout(handle);
};

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const schedule = options.schedule ?? defaultSchedule;
  const listeners = new Set<(status: SyncStatus) => void>();
  let status: SyncStatus = {
    sending: false,
    lastSyncAt: options.lastSyncAt ?? null,
    failures: 0,
    retryAtMs: null,
    revoked: false,
  };
  let running: Promise<void> | null = null;
  let again = false;
  let cancelRetry: (() => void) | null = null;
  let stopped = false;

  const update = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch };
    for (const listener of listeners) listener(status);
  };

  async function drainOnce(): Promise<void> {
    const token = await options.getToken();
    if (!token || stopped) return;
    update({ sending: true });
    let outcome: DrainOutcome;
    try {
      outcome = await withSyncLock(
        () =>
          drainOutbox({
            fetch: options.fetch,
            token,
            now,
            timeZone: options.timeZone(),
            ...(options.settle ? { settle: options.settle } : {}),
          }),
        options.locks,
      );
    } catch (error) {
      outcome = { kind: 'unreachable', answered: 0, detail: String(error) };
    }
    // The status (and the screen it re-renders) waits, like the answers' storing, for an answer being prepared.
    await options.settle?.();
    const lastSyncAt = outcome.answered > 0 ? formatInstant(now(), options.timeZone()) : status.lastSyncAt;
    if (lastSyncAt !== status.lastSyncAt && lastSyncAt) await writeSetting('lastSyncAt', lastSyncAt);
    if (outcome.kind === 'unauthorized') {
      update({ sending: false, lastSyncAt, revoked: true, retryAtMs: null });
      options.onRevoked();
    } else if (outcome.kind === 'unreachable') {
      const failures = status.failures + 1;
      const delayMs = backoffDelayMs(failures, random());
      update({ sending: false, lastSyncAt, failures, retryAtMs: now() + delayMs });
      if (!stopped) cancelRetry = schedule(() => void trigger(), delayMs);
    } else {
      update({ sending: false, lastSyncAt, failures: 0, retryAtMs: null });
    }
    options.onDrained?.(outcome);
  }

  function trigger(): Promise<void> {
    if (stopped || status.revoked) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    cancelRetry?.();
    cancelRetry = null;
    running = (async () => {
      do {
        again = false;
        await drainOnce();
      } while (again && status.failures === 0 && !status.revoked && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    trigger,
    punched() {
      if (status.failures > 0 && !running) return;
      void trigger();
    },
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      cancelRetry?.();
      cancelRetry = null;
    },
    start() {
      stopped = false;
    },
  };
}
