import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { request } from '../api/client';
import type { SessionState } from '../api/types';
import { applySignedIn, applySignedOut, fetchSession, SESSION_KEY, SIGNED_OUT } from './session-state';

const signedIn = (csrfToken = 'csrf-1'): SessionState => ({ signedIn: true, csrfToken });

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A client with the session observer mounted as the console's App mounts it, the session already known. */
function mountedSession(initial: SessionState, load: () => Promise<SessionState>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  applySignedIn(client, 'setup');
  client.setQueryData(SESSION_KEY, initial);
  const observer = new QueryObserver(client, {
    queryKey: SESSION_KEY,
    queryFn: () => fetchSession(client, load),
    staleTime: Infinity,
  });
  const unsubscribe = observer.subscribe(() => undefined);
  return { client, observer, unsubscribe };
}

/** The CSRF token the API client now sends with a change. */
async function csrfTokenSent(): Promise<string | null> {
  const fetch = vi.fn(async () => new Response(null, { status: 204 }));
  vi.stubGlobal('fetch', fetch);
  await request('POST', '/api/v1/admin/kiosks', {});
  const init = fetch.mock.calls[0]?.at(1) as RequestInit | undefined;
  return (init?.headers as Record<string, string> | undefined)?.['x-csrf-token'] ?? null;
}

afterEach(() => vi.unstubAllGlobals());

describe('session state', () => {
  it('shows signed out to the mounted session observer as soon as the sign-out is applied', async () => {
    const { client, observer, unsubscribe } = mountedSession(signedIn(), async () => signedIn());
    applySignedOut(client);
    expect(observer.getCurrentResult().data).toEqual(SIGNED_OUT);
    expect(await csrfTokenSent()).toBeNull();
    unsubscribe();
  });

  it.each([
    {
      change: 'a sign-out',
      before: signedIn('old'),
      lateAnswer: signedIn('old'),
      apply: (client: QueryClient) => applySignedOut(client),
      expected: SIGNED_OUT,
    },
    {
      change: 'a sign-in',
      before: SIGNED_OUT,
      lateAnswer: SIGNED_OUT,
      apply: (client: QueryClient) => applySignedIn(client, 'new'),
      expected: signedIn('new'),
    },
    {
      change: 'nothing',
      before: signedIn('old'),
      lateAnswer: signedIn('fresh'),
      apply: () => undefined,
      expected: signedIn('fresh'),
    },
  ])('a session poll under way across $change ends signed in: $expected.signedIn', async (row) => {
    const answer = deferred<SessionState>();
    const { client, observer, unsubscribe } = mountedSession(row.before, () => answer.promise);
    const poll = observer.refetch();
    row.apply(client);
    answer.resolve(row.lateAnswer);
    await poll;
    expect(observer.getCurrentResult().data).toEqual(row.expected);
    expect(client.getQueryData(SESSION_KEY)).toEqual(row.expected);
    expect(await csrfTokenSent()).toBe(row.expected.csrfToken);
    unsubscribe();
  });

  it("forgets the old session's queries and finished changes, and keeps the health query", async () => {
    const { client, unsubscribe } = mountedSession(signedIn(), async () => signedIn());
    client.setQueryData(['attention', null], { items: [] });
    client.setQueryData(['kiosks'], []);
    client.setQueryData(['health'], { status: 'ok', demoMode: true });
    await client
      .getMutationCache()
      .build(client, { mutationFn: async () => 'token' })
      .execute(undefined);
    applySignedOut(client);
    const keys = client
      .getQueryCache()
      .getAll()
      .map((query) => query.queryKey[0]);
    expect(keys.sort()).toEqual(['health', 'session']);
    expect(client.getMutationCache().getAll()).toEqual([]);
    unsubscribe();
  });
});
