/**
 * Section 4: how long a person waits for the kiosk's answer. In headless Chromium a paired kiosk takes 200 badge
 * scans (a keyboard wedge: the badge, then Enter); the page measures from the Enter keydown to the feedback region
 * changing, plus two animation frames (≈ painted). Online, then offline (network off and /api/** aborted). Every
 * scan is a different employee, so no double-scan answer is measured.
 */
import type { Page } from '@playwright/test';
import { against, report, round, type Figure, type Section } from './section';
import { IDLE_HEADING } from './support/browser';
import { openKioskRig } from './support/kiosk-rig';

const PUNCHES = 200;
const PAUSE_BETWEEN_MS = 30;

/** Arms a one-shot measurement: resolves `window.__benchAnswer` with ms from the next Enter to the painted answer. */
const ARM = `(() => {
  const region = document.querySelector('main [role="status"]');
  if (!region) throw new Error('no feedback region');
  const before = region.textContent;
  window.__benchAnswer = new Promise((resolve) => {
    let enterAt = null;
    const onKey = (event) => { if (event.key === 'Enter' && enterAt === null) enterAt = performance.now(); };
    addEventListener('keydown', onKey, true);
    const observer = new MutationObserver(() => {
      if (enterAt === null || !region.textContent || region.textContent === before) return;
      observer.disconnect();
      removeEventListener('keydown', onKey, true);
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - enterAt)));
    });
    observer.observe(region, { childList: true, subtree: true, characterData: true });
  });
})()`;

async function scanAll(page: Page, badges: readonly string[]): Promise<number[]> {
  const times: number[] = [];
  for (const badge of badges) {
    await page.evaluate(ARM);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.type(badge);
    await page.keyboard.press('Enter');
    times.push(await page.evaluate('window.__benchAnswer'));
    await page.waitForTimeout(PAUSE_BETWEEN_MS);
  }
  return times;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function figures(label: string, times: readonly number[]): Figure[] {
  const sorted = [...times].sort((a, b) => a - b);
  return [
    report(`answer p50, ${label}`, round(percentile(sorted, 50), 1), 'ms'),
    against(`answer p95, ${label}`, round(percentile(sorted, 95), 1), 'ms', { op: '<', limit: 50 }),
  ];
}

export const section: Section = {
  name: 'kiosk-answer',
  title: 'Kiosk answer time: Enter to painted feedback, 200 badge scans online and offline',
  async run({ root, log }) {
    const rig = await openKioskRig(root, log);
    try {
      const context = await rig.browser.newContext({ baseURL: rig.server.url, locale: 'en-US' });
      const page = await context.newPage();
      const directory = page.waitForResponse((r) => r.url().endsWith('/api/v1/kiosk/directory') && r.ok());
      await page.goto(`/#pair=${await rig.newPairingCode('Bench answer kiosk')}`);
      await page.getByRole('heading', { name: IDLE_HEADING }).waitFor();
      await directory;
      await page.evaluate(async () => navigator.serviceWorker.ready);

      const online = await scanAll(page, rig.badges.slice(0, PUNCHES));
      log(`online: ${online.length} answers`);
      await context.setOffline(true);
      await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
      const offline = await scanAll(page, rig.badges.slice(PUNCHES, 2 * PUNCHES));
      log(`offline: ${offline.length} answers`);
      const lastAnswer = (await page.locator('main [role="status"]').textContent()) ?? '';
      await context.close();
      return {
        figures: [...figures('online', online), ...figures('offline', offline)],
        notes: [
          `${PUNCHES} scans each, ${PAUSE_BETWEEN_MS} ms apart, each a different employee; headless Chromium`,
          `last offline answer read: "${lastAnswer.slice(0, 120)}"`,
        ],
      };
    } finally {
      await rig.close();
    }
  },
};
