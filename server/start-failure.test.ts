import { mkdtempSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { startFailureSentence } from './start-failure';
import { startServer } from './start-server';

const logger = pino({ level: 'silent' });

/** Why the real server did not start with these variables, in the sentence `npm start` prints. */
async function startFails(env: Record<string, string>): Promise<string | null> {
  const config = parseConfig({ HOST: '127.0.0.1', PORT: '0', TIME_ZONE: 'Europe/Berlin', ...env });
  const server = await startServer(config, logger).catch((err: unknown) => err);
  if (server !== null && typeof server === 'object' && 'close' in server) {
    await (server as { close(): Promise<void> }).close();
    throw new Error('the server started');
  }
  return startFailureSentence(server, config);
}

describe('a start that fails on its configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'start-failure-'));

  it('names DATA_DIR when it is a file', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    expect(await startFails({ DATA_DIR: file })).toMatch(
      /^DATA_DIR cannot hold the ledger: .*not-a-folder \(EEXIST\)/,
    );
  });

  it('names DATA_DIR when a file stands on its way', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    expect(await startFails({ DATA_DIR: join(file, 'data') })).toMatch(
      /^DATA_DIR cannot hold the ledger: .*\(ENOTDIR\)/,
    );
  });

  it('names PORT and HOST when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const { port } = taken.address() as AddressInfo;
    try {
      expect(await startFails({ DATA_DIR: join(dir, 'data'), PORT: String(port) })).toBe(
        `Cannot listen on 127.0.0.1:${port} (EADDRINUSE); choose another PORT or HOST.`,
      );
    } finally {
      taken.close();
    }
  });

  it('leaves any other failure to the full log', () => {
    expect(startFailureSentence(new Error('boom'), { HOST: 'h', PORT: 1, DATA_DIR: dir })).toBeNull();
  });
});
