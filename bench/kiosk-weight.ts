/**
 * Section 5: what a kiosk downloads before it can take a punch, and how fast it comes back offline. A fresh browser
 * context opens the pairing link; every JavaScript and CSS response the page loads until the idle screen is painted is
 * gzipped here with zlib (default level) and summed. Then, with the service worker in control, the network is cut
 * and the page reloaded: the time from the navigation's start to the idle screen painted.
 */
import { gzipSync } from 'node:zlib';
import type { Response } from '@playwright/test';
import { against, report, round, type Section } from './section';
import { IDLE_HEADING, IDLE_PROBE } from './support/browser';
import { openKioskRig } from './support/kiosk-rig';

const RELOADS = 5;

function isCode(response: Response): boolean {
  const type = response.request().resourceType();
  const contentType = response.headers()['content-type'] ?? '';
  return type === 'script' || type === 'stylesheet' || /javascript|text\/css/.test(contentType);
}

export const section: Section = {
  name: 'kiosk-weight',
  title: 'Kiosk weight: gzipped JS + CSS before the idle screen, offline reload time',
  async run({ root, log }) {
    const rig = await openKioskRig(root, log);
    try {
      const context = await rig.browser.newContext({ baseURL: rig.server.url, locale: 'en-US' });
      await context.addInitScript(IDLE_PROBE);
      const page = await context.newPage();
      const code: Response[] = [];
      let collecting = true;
      page.on('response', (response) => {
        if (collecting && isCode(response)) code.push(response);
      });
      await page.goto(`/#pair=${await rig.newPairingCode('Bench weight kiosk')}`);
      await page.waitForFunction(
        () => (window as { __benchIdleAtMs?: number }).__benchIdleAtMs !== undefined,
      );
      collecting = false;
      const firstIdleMs = Number(await page.evaluate('window.__benchIdleAtMs'));
      let raw = 0;
      let gzipped = 0;
      const files: string[] = [];
      for (const response of code) {
        const body = await response.body();
        const size = gzipSync(body).length;
        raw += body.length;
        gzipped += size;
        files.push(`${new URL(response.url()).pathname} ${(size / 1000).toFixed(1)} kB`);
      }
      log(
        `${code.length} JS/CSS files: ${(gzipped / 1000).toFixed(1)} kB gzipped (${(raw / 1000).toFixed(1)} kB raw)`,
      );

      await page.evaluate(async () => navigator.serviceWorker.ready);
      await page.reload();
      await page.getByRole('heading', { name: IDLE_HEADING }).waitFor();
      await context.setOffline(true);
      await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
      const offline: number[] = [];
      for (let i = 0; i < RELOADS; i += 1) {
        await page.reload();
        await page.waitForFunction(
          () => (window as { __benchIdleAtMs?: number }).__benchIdleAtMs !== undefined,
        );
        offline.push(Number(await page.evaluate('window.__benchIdleAtMs')));
      }
      offline.sort((a, b) => a - b);
      const median = offline[Math.floor(offline.length / 2)] ?? Number.NaN;
      log(`offline reloads to idle: ${offline.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      await context.close();
      return {
        figures: [
          against('JS + CSS before the idle screen, gzipped', round(gzipped / 1000, 1), 'kB', {
            op: '<',
            limit: 100,
            text: '< 100 KB',
          }),
          report('the same, uncompressed', round(raw / 1000, 1), 'kB'),
          report('fresh load (pairing link) to idle screen painted', round(firstIdleMs), 'ms'),
          report(`offline reload to idle screen painted, median of ${RELOADS}`, round(median), 'ms'),
        ],
        notes: [
          `files: ${files.join('; ')}`,
          'kB = 1,000 bytes (the stricter reading of the goal in KB)',
          'offline: the context is offline and /api/** aborted; the service worker serves the shell',
        ],
      };
    } finally {
      await rig.close();
    }
  },
};
