/** Kiosks through the proxy's admin API; every change refreshes the list. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post, request } from '../api/client';
import type { CreatedKiosk, Kiosk } from '../api/types';
import type { OpeningHours } from './opening-hours-fields';

export const KIOSKS_KEY = ['kiosks'] as const;

export function useKiosks() {
  return useQuery({
    queryKey: KIOSKS_KEY,
    queryFn: () => get<{ kiosks: Kiosk[] }>('/api/v1/admin/kiosks'),
    select: (data) => data.kiosks,
  });
}

function useKioskMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: KIOSKS_KEY }) });
}

export const useCreateKiosk = () =>
  useKioskMutation((body: { name: string; timeZone: string }) =>
    post<CreatedKiosk>('/api/v1/admin/kiosks', body),
  );

export const useUpdateKiosk = () =>
  useKioskMutation(({ id, ...body }: { id: string; name: string; timeZone: string }) =>
    patch<Kiosk>(`/api/v1/admin/kiosks/${encodeURIComponent(id)}`, body),
  );

const hoursPath = (id: string) => `/api/v1/admin/kiosks/${encodeURIComponent(id)}/opening-hours`;

/** The hours during which the kiosk's silence raises an alert; null when it is not watched. */
export function useOpeningHours(id: string) {
  return useQuery({
    queryKey: [...KIOSKS_KEY, id, 'opening-hours'],
    queryFn: () => get<{ openingHours: OpeningHours | null }>(hoursPath(id)),
    select: (data) => data.openingHours,
  });
}

export const useSaveOpeningHours = () =>
  useKioskMutation(({ id, openingHours }: { id: string; openingHours: OpeningHours | null }) =>
    request<{ openingHours: OpeningHours | null }>('PUT', hoursPath(id), { openingHours }),
  );

export const useRevokeKiosk = () =>
  useKioskMutation((id: string) => post<Kiosk>(`/api/v1/admin/kiosks/${encodeURIComponent(id)}/revoke`));

/** Only a revoked kiosk; its punches stay. */
export const useDeleteKiosk = () =>
  useKioskMutation((id: string) => del(`/api/v1/admin/kiosks/${encodeURIComponent(id)}`));

/** For a revoked kiosk too: pairing with the code makes it active again. */
export const useNewPairingCode = () =>
  useKioskMutation((id: string) =>
    post<{ pairingCode: string; expiresAt: string }>(
      `/api/v1/admin/kiosks/${encodeURIComponent(id)}/pairing-code`,
    ),
  );

/** The zones the browser knows, for the zone pickers (a free-text fallback where the list is unavailable). */
export function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}
