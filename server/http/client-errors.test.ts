import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, adminHeaders, createHarness } from '../testing/routes-harness';

let h: Harness;
let port: number;
beforeAll(async () => {
  h = await createHarness();
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  port = (h.app.server.address() as { port: number }).port;
});
afterAll(() => h.close());

/** Sends raw bytes and returns the status and the parsed body of the answer. */
function raw(request: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
      resolve({ status, body: JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) });
    });
    socket.end(request);
  });
}

const contractBody = {
  error: { code: expect.stringMatching(/^[a-z]+(-[a-z]+)*$/), message: expect.any(String) },
};

describe("Fastify's and Node's own errors have the contract's body", () => {
  it.each([
    ['bad %-encoding', '/api/v1/punches/%E0%A4%A', {}, 400],
    ['unknown path', '/api/v1/nothing', {}, 404],
    ['unknown method', '/api/v1/health', { method: 'PUT' }, 404],
    [
      'a parameter over maxParamLength',
      `/api/v1/admin/kiosks/${'k'.repeat(500)}/revoke`,
      { method: 'POST', headers: adminHeaders },
      414,
    ],
    [
      'a body over the limit',
      '/api/v1/admin/kiosks',
      {
        method: 'POST',
        headers: { ...adminHeaders, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }),
      },
      413,
    ],
    [
      'a body of another type',
      '/api/v1/admin/kiosks',
      { method: 'POST', headers: { ...adminHeaders, 'content-type': 'text/xml' }, body: '<a/>' },
      415,
    ],
  ] as const)('%s', async (_what, path, init, status) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, init as RequestInit);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(contractBody);
  });

  it('headers too large: 431', async () => {
    const answer = await raw(
      `GET /api/v1/health HTTP/1.1\r\nHost: a\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer).toEqual({ status: 431, body: contractBody });
  });

  it('an address too long for the headers: 431', async () => {
    const answer = await raw(`GET /api/v1/${'p'.repeat(20_000)} HTTP/1.1\r\nHost: a\r\n\r\n`);
    expect(answer).toEqual({ status: 431, body: contractBody });
  });

  it('not HTTP at all: 400', async () => {
    expect(await raw('HELLO\r\n\r\n')).toEqual({ status: 400, body: contractBody });
  });
});
