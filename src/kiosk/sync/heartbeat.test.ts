import { describe, expect, it } from 'vitest';
import { createHeartbeat } from './heartbeat';

/** A proxy that answers as told: a status, or no answer at all. */
function proxy() {
  const state: { answer: number | 'down' } = { answer: 200 };
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    if (state.answer === 'down') throw new TypeError('Failed to fetch');
    return new Response('{"status":"ok"}', { status: state.answer });
  }) as typeof globalThis.fetch;
  return { state, calls, fetch };
}

describe('heartbeat', () => {
  it('reports the server going away and coming back, each change once', async () => {
    const server = proxy();
    const changes: boolean[] = [];
    let answers = 0;
    const heartbeat = createHeartbeat({
      fetch: server.fetch,
      onChange: (r) => changes.push(r),
      onAnswer: () => (answers += 1),
    });
    expect(await heartbeat.beat()).toBe(true);
    expect(await heartbeat.beat()).toBe(true);
    server.state.answer = 'down';
    expect(await heartbeat.beat()).toBe(false);
    expect(await heartbeat.beat()).toBe(false);
    server.state.answer = 503;
    expect(await heartbeat.beat()).toBe(false);
    server.state.answer = 200;
    expect(await heartbeat.beat()).toBe(true);
    expect(changes).toEqual([true, false, true]);
    expect(answers).toBe(3);
    expect(server.calls.every((url) => url === '/api/v1/health')).toBe(true);
  });

  it('counts a proxy that does not answer in time as unreachable', async () => {
    const hanging = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('timeout', 'TimeoutError'))),
      )) as typeof globalThis.fetch;
    const changes: boolean[] = [];
    const heartbeat = createHeartbeat({ fetch: hanging, timeoutMs: 20, onChange: (r) => changes.push(r) });
    expect(await heartbeat.beat()).toBe(false);
    expect(changes).toEqual([false]);
  });
});
