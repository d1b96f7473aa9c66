import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { refusedBaseUrl } from '../testing/simulator-fixture';
import { send } from './http';

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A local server answering with `handle`; counts the connections it accepted. */
async function serve(handle: (request: IncomingMessage, body: string, response: ServerResponse) => void) {
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => handle(request, body, response));
  });
  server.on('connection', (socket) => sockets.add(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`, sockets };
}

describe('send', () => {
  it('posts the JSON body with its length and reads the JSON answer, status and headers', async () => {
    const seen: Array<{
      method: string | undefined;
      url: string | undefined;
      headers: IncomingMessage['headers'];
      body: string;
    }> = [];
    const { baseUrl } = await serve((request, body, response) => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body });
      response.writeHead(201, { 'content-type': 'application/json', 'retry-after': '7' });
      response.end('{"saved":true}');
    });
    const result = await send(
      baseUrl,
      {
        method: 'POST',
        path: '/attendances/track-time',
        query: { a: 'b' },
        body: { dateTime: 'ü' },
        authorization: 'Bearer t',
      },
      5_000,
    );
    expect(result).toMatchObject({ kind: 'response', status: 201, body: { saved: true } });
    expect(result.kind === 'response' && result.headers.get('retry-after')).toBe('7');
    expect(seen).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/api/v1/attendances/track-time?a=b',
        body: '{"dateTime":"ü"}',
      }),
    ]);
    const headers = seen[0]?.headers ?? {};
    expect(headers['content-length']).toBe(String(Buffer.byteLength('{"dateTime":"ü"}')));
    expect(headers['transfer-encoding']).toBeUndefined();
    expect(headers).toMatchObject({ authorization: 'Bearer t', 'content-type': 'application/json' });
  });

  it('reads a header in any case, a repeated one joined as Headers.get joins it, an absent one as null', async () => {
    const { baseUrl } = await serve((_request, _body, response) => {
      response.setHeader('Location', '/elsewhere');
      response.setHeader('set-cookie', ['a=1', 'b=2']);
      response.end();
    });
    const result = await send(baseUrl, { method: 'GET', path: '/ping' }, 5_000);
    if (result.kind !== 'response') throw new Error(`expected a response, got ${JSON.stringify(result)}`);
    expect(result.headers.get('location')).toBe('/elsewhere');
    expect(result.headers.get('Location')).toBe('/elsewhere');
    expect(result.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(result.headers.get('retry-after')).toBeNull();
  });

  it('keeps one connection for calls one after another', async () => {
    const { baseUrl, sockets } = await serve((_request, _body, response) => response.end('{}'));
    for (let i = 0; i < 20; i += 1) {
      expect(await send(baseUrl, { method: 'GET', path: '/ping' }, 5_000)).toMatchObject({ status: 200 });
    }
    expect(sockets.size).toBe(1);
  });

  it('a refused connection is not-sent; a stall past the timeout and a body cut short may have been stored', async () => {
    expect(await send(await refusedBaseUrl(), { method: 'GET', path: '/ping' }, 5_000)).toMatchObject({
      kind: 'failure',
      failure: { kind: 'not-sent' },
    });
    const stalled = await serve(() => undefined);
    expect(await send(stalled.baseUrl, { method: 'POST', path: '/x', body: {} }, 200)).toEqual({
      kind: 'failure',
      failure: { kind: 'maybe-sent', detail: 'no complete answer within 200 ms' },
    });
    const cut = await serve((_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"half":');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    expect(await send(cut.baseUrl, { method: 'POST', path: '/x', body: {} }, 5_000)).toMatchObject({
      kind: 'response',
      status: 200,
      body: undefined,
    });
  });
});
