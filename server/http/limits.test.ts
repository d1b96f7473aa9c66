import { type Socket, connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, createHarness, createKiosk, errorOf } from '../testing/routes-harness';
import { HTTP_LIMITS, type HttpLimits } from './limits';

let h: Harness;
afterEach(() => h.close());

async function listening(limits: Partial<HttpLimits>): Promise<number> {
  h = await createHarness({}, '/nonexistent', undefined, { ...HTTP_LIMITS, ...limits });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const address = h.app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('not listening');
  return address.port;
}

/** Everything the server sends on a socket until it closes it (or `giveUpMs` passes). */
function collect(socket: Socket, giveUpMs: number): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    let text = '';
    const timer = setTimeout(() => resolve({ text, closed: false }), giveUpMs);
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closed: true });
    });
  });
}

describe('slow and anonymous requests', () => {
  it('a body trickled byte by byte is cut off at the request timeout with 408 in the contract body', async () => {
    const port = await listening({ requestTimeoutMs: 1_000, checkIntervalMs: 200 });
    const { token } = await createKiosk(h);
    const socket = connect(port, '127.0.0.1');
    const answer = collect(socket, 5_000);
    socket.write(
      `POST /api/v1/punches HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    const trickle = setInterval(() => socket.writable && socket.write(' '), 200);
    const { text, closed } = await answer;
    clearInterval(trickle);
    socket.destroy();
    expect(closed).toBe(true);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { code: 'request-timeout', message: expect.any(String) },
    });
  });

  it('sets the production limits on the server', async () => {
    await listening({});
    expect(h.app.initialConfig).toMatchObject({
      requestTimeout: 20_000,
      connectionTimeout: 60_000,
      maxRequestsPerSocket: 1_000,
      bodyLimit: 2 * 1024 * 1024,
    });
    expect(h.app.server.maxConnections).toBe(1_024);
  });

  it('drops connections over the cap', async () => {
    const port = await listening({ maxConnections: 2 });
    const sockets = [0, 1, 2].map(() => connect(port, '127.0.0.1'));
    const outcomes = await Promise.all(sockets.map((socket) => collect(socket, 1_000)));
    for (const socket of sockets) socket.destroy();
    expect(outcomes.map((o) => o.closed)).toEqual([false, false, true]);
  });

  it.each([
    ['POST', '/api/v1/punches'],
    ['POST', '/api/v1/kiosk/status'],
    ['POST', '/api/v1/admin/kiosks'],
    ['PATCH', '/api/v1/admin/kiosks/0193f1c2-7c4e-7b1a-9f3e-2d1c0b9a8f7e'],
    ['POST', '/api/v1/admin/punches/0193f1c2-7c4e-7b1a-9f3e-2d1c0b9a8f7e/x/retry'],
    ['PUT', '/api/v1/admin/kiosk-settings-pin'],
    ['PUT', '/api/v1/admin/kiosks/0193f1c2-7c4e-7b1a-9f3e-2d1c0b9a8f7e/opening-hours'],
  ] as const)('%s %s checks the token before reading the body: 401, not 400', async (method, url) => {
    h = await createHarness();
    const res = await h.app.inject({
      method,
      url,
      headers: { 'content-type': 'application/json' },
      payload: '{"not json',
    });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).status).toBe(401);
  });
});
