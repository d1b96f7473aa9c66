import { afterEach, describe, expect, it, vi } from 'vitest';
import { request, setSignedOutHandler } from './client';
import { sessionGate } from './session-gate';

afterEach(() => vi.unstubAllGlobals());

/** A 401 answered only when `answer` runs, so that a sign-in or sign-out can happen while it is under way. */
function unauthorizedLater() {
  let answer: () => void = () => undefined;
  const fetch = vi.fn(
    () =>
      new Promise<Response>((resolve) => {
        answer = () =>
          resolve(new Response(JSON.stringify({ error: { code: 'unauthorized' } }), { status: 401 }));
      }),
  );
  vi.stubGlobal('fetch', fetch);
  return { answer: () => answer() };
}

describe('the API client on a 401', () => {
  it.each([
    { path: '/api/v1/admin/kenjo', sessionChanged: false, signsOut: true },
    { path: '/api/v1/admin/kenjo', sessionChanged: true, signsOut: false },
    { path: '/api/v1/admin/session', sessionChanged: false, signsOut: false },
  ])('$path, session changed meanwhile: $sessionChanged → signs out: $signsOut', async (row) => {
    const signedOut = vi.fn();
    setSignedOutHandler(signedOut);
    const server = unauthorizedLater();
    const pending = request('GET', row.path);
    if (row.sessionChanged) sessionGate.advance();
    server.answer();
    await expect(pending).rejects.toMatchObject({ status: 401 });
    expect(signedOut).toHaveBeenCalledTimes(row.signsOut ? 1 : 0);
  });
});
