/**
 * The console's session state in the query cache, changed synchronously and in one place. Contracts:
 * - after `applySignedOut` returns, the session entry every mounted observer watches reads signed out (the entry is
 *   updated in place: removing it, as `QueryClient.clear` does, leaves the mounted observer on a dead entry that it
 *   only leaves at its next poll, up to 5 s later);
 * - no answer to a request that left before a sign-in or sign-out changes the state afterwards (`sessionGate`).
 */
import type { QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../api/client';
import { sessionGate } from '../api/session-gate';
import type { SessionState } from '../api/types';

export const SESSION_KEY = ['session'] as const;
export const SIGNED_OUT: SessionState = { signedIn: false, csrfToken: null };

/** Queries that describe no session and outlive a sign-out; every other query holds the operator's data. */
const KEPT_ACROSS_SESSIONS: ReadonlySet<unknown> = new Set([SESSION_KEY[0], 'health']);

export function applySignedIn(client: QueryClient, csrfToken: string): void {
  sessionGate.advance();
  setCsrfToken(csrfToken);
  client.setQueryData<SessionState>(SESSION_KEY, { signedIn: true, csrfToken });
}

/** Signed out now: the state first, so that the screens of the old session unmount in the next render. */
export function applySignedOut(client: QueryClient): void {
  sessionGate.advance();
  setCsrfToken(null);
  client.setQueryData<SessionState>(SESSION_KEY, SIGNED_OUT);
  client.removeQueries({ predicate: (query) => !KEPT_ACROSS_SESSIONS.has(query.queryKey[0]) });
  const mutations = client.getMutationCache();
  for (const mutation of mutations.getAll()) {
    if (mutation.state.status !== 'pending') mutations.remove(mutation);
  }
}

/**
 * The session query's function: the server's answer, unless a sign-in or sign-out happened while it was under way;
 * then the state that change set stands.
 */
export async function fetchSession(
  client: QueryClient,
  load: () => Promise<SessionState>,
): Promise<SessionState> {
  const ticket = sessionGate.ticket();
  const state = await load();
  if (!sessionGate.isCurrent(ticket)) return client.getQueryData<SessionState>(SESSION_KEY) ?? SIGNED_OUT;
  setCsrfToken(state.csrfToken);
  return state;
}
