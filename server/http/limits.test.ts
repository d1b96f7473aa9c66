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

/** Every route of the app that takes a body, as `METHOD /path`, read from Fastify's own route tree. */
function routesWithABody(app: Harness['app']): string[] {
  const routes: string[] = [];
  const parents: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const path = (parents[depth - 1] ?? '') + (match[2] ?? '');
    parents[depth] = path;
    for (const method of (match[3] ?? '').split(', ')) {
      if (['POST', 'PUT', 'PATCH'].includes(method)) routes.push(`${method} ${path}`);
    }
  }
  return routes;
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

  // Signing in and pairing carry their credential in the body itself.
  const NO_TOKEN = ['POST /api/v1/admin/session', 'POST /api/v1/kiosk/pair'];

  it('checks the token before reading the body on every route that takes one: 401, not 400', async () => {
    h = await createHarness();
    const routes = routesWithABody(h.app).filter((route) => !NO_TOKEN.includes(route));
    expect(routes).toEqual(
      expect.arrayContaining(['POST /api/v1/punches', 'PUT /api/v1/admin/kiosk-settings-pin']),
    );
    const answers: string[] = [];
    for (const route of routes) {
      const [method = '', path = ''] = route.split(' ');
      const res = await h.app.inject({
        method: method as 'POST' | 'PUT' | 'PATCH',
        url: path.replaceAll(/:\w+/g, '0193f1c2-7c4e-7b1a-9f3e-2d1c0b9a8f7e'),
        headers: { 'content-type': 'application/json' },
        payload: '{"not json',
      });
      answers.push(`${route} ${errorOf(res).status}`);
    }
    expect(answers).toEqual(routes.map((route) => `${route} 401`));
  });
});
