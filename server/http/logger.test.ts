import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logger';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write: (chunk: Buffer, _enc, done) => void (lines.push(chunk.toString()), done()),
  });
  return { logger: pino(loggerOptions('info'), sink), lines };
}

describe('loggerOptions', () => {
  it.each([
    [{ req: { headers: { authorization: 'Bearer SECRET' } } }],
    [{ token: 'SECRET' }],
    [{ kiosk: { token: 'SECRET' } }],
    [{ kenjo: { apiKey: 'SECRET' } }],
    [{ config: { ADMIN_TOKEN: 'SECRET', KENJO_API_KEY: 'SECRET' } }],
    [{ pairingCode: 'SECRET' }],
  ])('redacts credentials in %o', (fields) => {
    const { logger, lines } = capture();
    logger.info(fields, 'something happened');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('SECRET');
    expect(lines[0]).toContain('[redacted]');
  });
});
