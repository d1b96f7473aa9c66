/** The operator's session: the server's answer to "am I signed in", and sign-in/out that keep the CSRF token. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../api/client';
import type { SessionState } from '../api/types';
import { applySignedIn, applySignedOut, fetchSession, SESSION_KEY } from './session-state';

export function useSession() {
  const client = useQueryClient();
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => fetchSession(client, () => request<SessionState>('GET', '/api/v1/admin/session')),
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => request<{ csrfToken: string }>('POST', '/api/v1/admin/session', { token }),
    onSuccess: ({ csrfToken }) => applySignedIn(client, csrfToken),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request<undefined>('DELETE', '/api/v1/admin/session'),
    // Signed out here whatever the answer; if the DELETE never reached the server, the next poll of the session
    // (leaving after this) tells the truth again.
    onSettled: () => applySignedOut(client),
  });
}
