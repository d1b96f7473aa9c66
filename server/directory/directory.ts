import type { EmployeeRef } from '../../core/punch';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { DirectoryEmployee } from '../ledger/ledger';
import { buildDirectoryIndex, type DirectoryIndex } from './directory-index';
import { createRefreshRetry, DIRECTORY_RETRY_BASE_MS, DIRECTORY_RETRY_MAX_MS } from './refresh-retry';

/**
 * The employee directory: Kenjo's employee list, cached in memory and in the ledger so that the proxy can resolve
 * identifiers while Kenjo is down and after a restart. It answers `unknown` only when it is sure: the copy is fresh
 * and a refresh just now did not find the identifier either. Otherwise it answers `unavailable`, and the caller
 * accepts the punch and resolves it later.
 *
 * Once started, it refreshes on a schedule. A failed refresh that leaves it without a usable copy (none at all, or
 * one that will be stale before the next scheduled refresh) is retried sooner, with backoff, until one succeeds:
 * without a copy no punch can be resolved, so waiting minutes for the schedule would hold every punch back.
 */

export const DIRECTORY_REFRESH_INTERVAL_MS = 5 * 60_000;
export const DIRECTORY_MAX_AGE_MS = 15 * 60_000;
export const DIRECTORY_MISS_REFRESH_MIN_INTERVAL_MS = 30_000;

export type Resolution =
  | { kind: 'found'; employee: DirectoryEmployee }
  | { kind: 'inactive'; employee: DirectoryEmployee }
  | { kind: 'unknown' }
  | { kind: 'unavailable' };

/** Where the list comes from: the Kenjo client fits (`KenjoEmployee` is a `DirectoryEmployee`). */
export interface EmployeeSource {
  listEmployees(): Promise<readonly DirectoryEmployee[]>;
}

export interface DirectoryLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface DirectoryOptions {
  kenjo: EmployeeSource;
  ledger: Pick<AsyncLedger, 'saveDirectory' | 'loadDirectory'>;
  now: () => number;
  refreshIntervalMs?: number;
  /** Older than this, the copy no longer proves an identifier unknown. */
  maxAgeMs?: number;
  /** A miss refreshes at most this often, so unknown badges cannot hammer Kenjo. */
  missRefreshMinIntervalMs?: number;
  /** First wait before retrying a failed refresh that left no usable copy; doubles up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Jitter of those waits, in [0, 1). */
  random?: () => number;
  logger?: DirectoryLogger;
  /** Called after every successful refresh (the replay resumes punches that waited for the directory). */
  onRefreshed?: () => void;
}

export interface DirectoryFreshness {
  fetchedAtMs: number | null;
  fresh: boolean;
  lastError: string | null;
}

export interface Directory {
  /**
   * Loads the cached copy from the ledger, refreshes once now, then on a schedule and, while unusable, sooner.
   * Resolves once the copy is loaded and the first refresh is under way.
   */
  start(): Promise<void>;
  /** Ends the scheduled refreshes and the retries. */
  stop(): void;
  /** Fetches the list from Kenjo; concurrent calls share one fetch. Rejects when Kenjo fails (the copy is kept). */
  refresh(): Promise<void>;
  resolve(ref: EmployeeRef): Promise<Resolution>;
  freshness(): DirectoryFreshness;
  employees(): DirectoryEmployee[];
  findByUserId(userId: string): DirectoryEmployee | null;
}

function found(employee: DirectoryEmployee): Resolution {
  return employee.isActive ? { kind: 'found', employee } : { kind: 'inactive', employee };
}

export function createDirectory(options: DirectoryOptions): Directory {
  const { kenjo, ledger, now, logger } = options;
  const refreshIntervalMs = options.refreshIntervalMs ?? DIRECTORY_REFRESH_INTERVAL_MS;
  const maxAgeMs = options.maxAgeMs ?? DIRECTORY_MAX_AGE_MS;
  const missRefreshMinIntervalMs = options.missRefreshMinIntervalMs ?? DIRECTORY_MISS_REFRESH_MIN_INTERVAL_MS;

  let index: DirectoryIndex = buildDirectoryIndex([]);
  let fetchedAtMs: number | null = null;
  let lastError: string | null = null;
  let inFlight: Promise<void> | null = null;
  let lastMissRefreshAtMs: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let started = false;
  const retry = createRefreshRetry({
    run: () => refresh().catch(() => undefined),
    random: options.random ?? Math.random,
    baseMs: options.retryBaseMs ?? DIRECTORY_RETRY_BASE_MS,
    maxMs: options.retryMaxMs ?? DIRECTORY_RETRY_MAX_MS,
  });

  const isFresh = () => fetchedAtMs !== null && now() - fetchedAtMs <= maxAgeMs;
  /** No copy, or one the next scheduled refresh would come too late to keep fresh. */
  const needsRetry = () => fetchedAtMs === null || now() + refreshIntervalMs - fetchedAtMs > maxAgeMs;

  async function fetchAndSave(): Promise<void> {
    try {
      const list = [...(await kenjo.listEmployees())];
      const atMs = now();
      index = buildDirectoryIndex(list);
      fetchedAtMs = atMs;
      lastError = null;
      retry.reset();
      logger?.info({ employees: list.length }, 'employee directory refreshed');
      options.onRefreshed?.();
      await saveCopy(list, atMs);
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      const retryInMs = started && needsRetry() ? retry.schedule() : null;
      logger?.warn(
        { err: lastError, hasCopy: fetchedAtMs !== null, retryInMs },
        'employee directory refresh failed; keeping the previous copy',
      );
      throw error;
    }
  }

  /** The list in memory is good whether or not the ledger takes the copy now; the next refresh saves it again. */
  async function saveCopy(list: readonly DirectoryEmployee[], atMs: number): Promise<void> {
    try {
      await ledger.saveDirectory(list, atMs);
    } catch (error) {
      logger?.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'employee directory not saved to the ledger; saved at the next refresh',
      );
    }
  }

  /** The copy a previous run saved, until Kenjo answers; a ledger that cannot be read now leaves the directory empty. */
  async function loadCopy(): Promise<void> {
    try {
      const cached = await ledger.loadDirectory();
      if (cached !== null && fetchedAtMs === null) {
        index = buildDirectoryIndex(cached.employees);
        fetchedAtMs = cached.fetchedAtMs;
      }
    } catch (error) {
      logger?.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'saved employee directory not read; waiting for Kenjo',
      );
    }
  }

  function refresh(): Promise<void> {
    inFlight ??= fetchAndSave().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  /** Refreshes for a miss unless one ran recently; true when the list now in memory came from a successful fetch. */
  async function refreshForMiss(): Promise<boolean> {
    if (inFlight === null) {
      const nowMs = now();
      if (lastMissRefreshAtMs !== null && nowMs - lastMissRefreshAtMs < missRefreshMinIntervalMs) {
        return lastError === null;
      }
      lastMissRefreshAtMs = nowMs;
    }
    try {
      await refresh();
      return true;
    } catch {
      return false;
    }
  }

  return {
    async start() {
      started = true;
      timer ??= setInterval(() => refresh().catch(() => undefined), refreshIntervalMs);
      timer.unref();
      await loadCopy();
      refresh().catch(() => undefined);
    },
    stop() {
      started = false;
      retry.reset();
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
    refresh,
    async resolve(ref) {
      const hit = index.find(ref);
      if (hit !== null) return found(hit);
      if (!isFresh()) return { kind: 'unavailable' };
      const confirmed = await refreshForMiss();
      const retry = index.find(ref);
      if (retry !== null) return found(retry);
      return confirmed && isFresh() ? { kind: 'unknown' } : { kind: 'unavailable' };
    },
    freshness: () => ({ fetchedAtMs, fresh: isFresh(), lastError }),
    employees: () => [...index.employees],
    findByUserId: (userId) => index.byUserId(userId),
  };
}
