/**
 * Server state with React Query, IndexedDB as the offline source: each query starts from what the device stored
 * (so an offline kiosk has its config and directory at once) and every successful fetch is written back.
 */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { fetchConfig, fetchDirectory } from '../api/kiosk-api';
import type { KioskConfig } from '../api/types';
import { UnauthorizedError } from '../api/http';
import { writeSetting, type StoredDirectory } from '../outbox/settings';

const CONFIG_REFRESH_MS = 5 * 60_000;
const DIRECTORY_REFRESH_MS = 15 * 60_000;

/**
 * A 304 does not carry the proxy's `fetchedAt`, which decides whether the directory is fresh enough to refuse
 * unknown badges; past this age the kiosk asks for the full directory again to learn the current one.
 */
const DIRECTORY_REVALIDATE_MAX_AGE_MS = 12 * 3_600_000;

const retryUnlessRevoked = (failures: number, error: Error) =>
  !(error instanceof UnauthorizedError) && failures < 2;

/**
 * A proxy that meets a new directory prepares each kiosk's copy once (`503`, ask again): the kiosk asks again for a
 * few minutes, backing off, rather than waiting for the next refresh without one.
 */
const DIRECTORY_RETRIES = 8;
const retryDirectory = (failures: number, error: Error) =>
  !(error instanceof UnauthorizedError) && failures < DIRECTORY_RETRIES;
const directoryRetryDelay = (failures: number) => Math.min(2_000 * 2 ** failures, 60_000);

export function useKioskConfig(token: string, stored: KioskConfig | null) {
  return useQuery({
    queryKey: ['kiosk', 'config', token],
    queryFn: async () => {
      const config = await fetchConfig(fetch, token);
      await writeSetting('config', config);
      return config;
    },
    ...(stored ? { initialData: stored, initialDataUpdatedAt: 0 } : {}),
    refetchInterval: CONFIG_REFRESH_MS,
    retry: retryUnlessRevoked,
  });
}

const directoryKey = (token: string) => ['kiosk', 'directory', token];

/**
 * The directory as the cache holds it at this moment: a scan can come between its arrival and the render that
 * shows it, and must not be decided without it.
 */
export function currentDirectory(queryClient: QueryClient, token: string): StoredDirectory | undefined {
  return queryClient.getQueryData<StoredDirectory>(directoryKey(token));
}

export function useDirectory(token: string, stored: StoredDirectory | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: directoryKey(token),
    queryFn: async (): Promise<StoredDirectory> => {
      const previous = currentDirectory(queryClient, token);
      const fetchedMs = previous?.fetchedAt ? Date.parse(previous.fetchedAt) : NaN;
      const recent = Date.now() - fetchedMs < DIRECTORY_REVALIDATE_MAX_AGE_MS;
      const answer = await fetchDirectory(fetch, token, recent ? (previous?.etag ?? null) : null);
      const receivedAtMs = Date.now();
      const directory: StoredDirectory | undefined = answer
        ? { ...answer.directory, etag: answer.etag, receivedAtMs }
        : previous && { ...previous, receivedAtMs };
      if (!directory) throw new Error('The proxy answered 304 to a directory this kiosk does not have.');
      await writeSetting('directory', directory);
      return directory;
    },
    ...(stored ? { initialData: stored, initialDataUpdatedAt: 0 } : {}),
    refetchInterval: DIRECTORY_REFRESH_MS,
    retry: retryDirectory,
    retryDelay: directoryRetryDelay,
  });
}
