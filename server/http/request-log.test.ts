import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, adminHeaders, createHarness, createKiosk } from '../testing/routes-harness';
import { loggerOptions } from './logger';

let h: Harness | undefined;
afterEach(() => h?.close());

async function logOf(level: string, work: (h: Harness) => Promise<unknown>) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write: (chunk: Buffer, _enc, done) => void (lines.push(JSON.parse(chunk.toString())), done()),
  });
  h = await createHarness({}, '/nonexistent', pino(loggerOptions(level), sink));
  await work(h);
  return lines;
}

describe('request log', () => {
  it('writes nothing per request at info, while state changes still show', async () => {
    const lines = await logOf('info', async (h) => {
      await h.app.inject({ url: '/api/v1/health' });
      const { id } = await createKiosk(h);
      await h.app.inject({ method: 'POST', url: `/api/v1/admin/kiosks/${id}/revoke`, headers: adminHeaders });
    });
    const messages = lines.map((line) => line.msg).filter((msg) => !String(msg).includes('not built'));
    expect(messages).toEqual(['kiosk revoked']);
  });

  it('writes one line per request at debug, with method, path, status and duration', async () => {
    const lines = await logOf('debug', (h) => h.app.inject({ url: '/api/v1/health' }));
    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests).toEqual([
      expect.objectContaining({ level: 20, method: 'GET', url: '/api/v1/health', statusCode: 200 }),
    ]);
    expect(requests[0]?.responseTimeMs).toEqual(expect.any(Number));
  });
});
