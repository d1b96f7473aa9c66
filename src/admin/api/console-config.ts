/**
 * What the server tells the console of its configuration (`GET /api/v1/admin/console`): `PUBLIC_URL` for pairing
 * links and `TIME_ZONE` for new kiosks. It does not change while the server runs, so it is asked once.
 */
import { useQuery } from '@tanstack/react-query';
import { get } from './client';

export interface ConsoleConfig {
  /** `PUBLIC_URL`; null when unset. */
  publicUrl: string | null;
  /** `TIME_ZONE`: the zone a new kiosk gets unless the operator picks another. */
  timeZone: string;
}

export function useConsoleConfig<T>(select: (config: ConsoleConfig) => T) {
  return useQuery({
    queryKey: ['console-config'],
    queryFn: () => get<ConsoleConfig>('/api/v1/admin/console'),
    select,
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: false,
  });
}
