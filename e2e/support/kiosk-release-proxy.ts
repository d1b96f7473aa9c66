/**
 * A pass-through HTTP proxy in front of the real server that can publish a "next release" of the service worker:
 * once `publish(suffix)` is called, `/sw.js` is answered with the built worker plus `suffix`. A browser's update
 * check for a service worker script bypasses Playwright's request routing, so the kiosk under test is opened
 * through this proxy's own origin instead. Binds an ephemeral port.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReleaseProxy {
  url: string;
  publish(suffix: string): void;
  close(): Promise<void>;
}

const HOP_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'content-encoding',
]);

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startReleaseProxy(target: string): Promise<ReleaseProxy> {
  let release: string | null = null;
  const server = createServer((request, response) => {
    void (async () => {
      const isWorker = request.url?.split('?')[0] === '/sw.js';
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (HOP_HEADERS.has(name) || typeof value !== 'string') continue;
        // The next release must come back whole, never as "not modified".
        if (isWorker && release !== null && name.startsWith('if-')) continue;
        headers.set(name, value);
      }
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      const upstream = await fetch(new URL(request.url ?? '/', target), {
        method: request.method ?? 'GET',
        headers,
        redirect: 'manual',
        ...(hasBody ? { body: new Uint8Array(await readBody(request)) } : {}),
      });
      let body = Buffer.from(await upstream.arrayBuffer());
      const replaced = isWorker && release !== null && upstream.status === 200;
      if (replaced) body = Buffer.concat([body, Buffer.from(release ?? '')]);
      upstream.headers.forEach((value, name) => {
        if (HOP_HEADERS.has(name) || (replaced && (name === 'etag' || name === 'last-modified'))) return;
        response.setHeader(name, value);
      });
      response.writeHead(upstream.status);
      response.end(body);
    })().catch((error: unknown) => {
      response.writeHead(502);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    publish: (suffix) => {
      release = suffix;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
