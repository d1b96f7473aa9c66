/** The operator's session: the server's answer to "am I signed in", and sign-in/out that keep the CSRF token. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, setCsrfToken } from '../api/client';
import type { SessionState } from '../api/types';

export const SESSION_KEY = ['session'] as const;

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const state = await request<SessionState>('GET', '/api/v1/admin/session');
      setCsrfToken(state.csrfToken);
      return state;
    },
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => request<{ csrfToken: string }>('POST', '/api/v1/admin/session', { token }),
    onSuccess: ({ csrfToken }) => {
      setCsrfToken(csrfToken);
      client.setQueryData<SessionState>(SESSION_KEY, { signedIn: true, csrfToken });
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request<undefined>('DELETE', '/api/v1/admin/session'),
    // A poll still in flight carries the old cookie and would answer "signed in" after the sign-out.
    onMutate: () => client.cancelQueries(),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData<SessionState>(SESSION_KEY, { signedIn: false, csrfToken: null });
    },
  });
}
