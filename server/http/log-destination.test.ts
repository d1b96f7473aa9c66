import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_FLUSH_MS, logDestination, loggerOptions } from './logger';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function fileLogger() {
  const folder = mkdtempSync(path.join(tmpdir(), 'log-destination-'));
  folders.push(folder);
  const file = path.join(folder, 'out.log');
  const destination = logDestination(file);
  const lines = () => (existsSync(file) ? readFileSync(file, 'utf8') : '').split('\n').filter(Boolean);
  return { logger: pino(loggerOptions('info'), destination), lines };
}

async function eventually(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += LOG_FLUSH_MS) {
    if (waited > 50 * LOG_FLUSH_MS) throw new Error('the log lines were never written');
    await new Promise((resolve) => setTimeout(resolve, LOG_FLUSH_MS));
  }
}

describe('the log destination', () => {
  it('holds lines back to share one write, and writes them, whole and in order, soon after', async () => {
    const { logger, lines } = fileLogger();
    for (let n = 0; n < 3; n += 1) logger.info({ punch: { kioskId: 'k1', id: `p${n}` }, n }, 'punch state');
    expect(lines()).toEqual([]);
    await eventually(() => lines().length === 3);
    const written = lines().map((line) => JSON.parse(line) as { n: number; msg: string });
    expect(written.map(({ n, msg }) => [n, msg])).toEqual([
      [0, 'punch state'],
      [1, 'punch state'],
      [2, 'punch state'],
    ]);
  });

  it('writes more than one buffer of lines, every one of them', async () => {
    const { logger, lines } = fileLogger();
    for (let n = 0; n < 100; n += 1) logger.info({ n, detail: 'x'.repeat(60) }, 'punch state');
    await eventually(() => lines().length === 100);
    expect(lines().map((line) => (JSON.parse(line) as { n: number }).n)).toEqual([...Array(100).keys()]);
  });
});
