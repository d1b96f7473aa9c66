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
    [{ req: { headers: { cookie: 'session=SECRET' } } }],
    [{ req: { headers: { 'x-csrf-token': 'SECRET' } } }],
    [{ headers: { authorization: 'Bearer SECRET' } }],
    [{ token: 'SECRET' }],
    [{ kiosk: { token: 'SECRET' } }],
    [{ kenjo: { apiKey: 'SECRET' } }],
    [{ anything: { adminToken: 'SECRET' } }],
    [{ config: { ADMIN_TOKEN: 'SECRET', KENJO_API_KEY: 'SECRET' } }],
    [{ pairingCode: 'SECRET' }],
  ])('redacts credentials in %o', (fields) => {
    const { logger, lines } = capture();
    logger.info(fields, 'something happened');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('SECRET');
    expect(lines[0]).toContain('[redacted]');
  });

  it('redacts credentials in a child logger’s bindings', () => {
    const { logger, lines } = capture();
    logger.child({ kiosk: { id: 'k-1', token: 'SECRET' } }).info({ n: 1 }, 'bound');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('SECRET');
    expect(lines[0]).toContain('k-1');
  });

  it('keeps the parent’s bindings when a grandchild is bound to a credential', () => {
    const { logger, lines } = capture();
    logger
      .child({ part: 'replay' })
      .child({ config: { KENJO_API_KEY: 'SECRET' } })
      .info('bound');
    expect(lines[0]).not.toContain('SECRET');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      part: 'replay',
      config: { KENJO_API_KEY: '[redacted]' },
    });
  });

  it('keeps every other field and leaves the logged object unchanged', () => {
    const { logger, lines } = capture();
    const fields = { punch: { kioskId: 'k-1', id: 'p-1' }, kenjo: { apiKey: 'SECRET', url: 'http://x' } };
    logger.info(fields, 'punch state');
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({
      punch: { kioskId: 'k-1', id: 'p-1' },
      kenjo: { apiKey: '[redacted]', url: 'http://x' },
    });
    expect(fields.kenjo.apiKey).toBe('SECRET');
  });
});
