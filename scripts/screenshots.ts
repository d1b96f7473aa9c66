/**
 * `npm run screenshots`: the README's pictures, made from the real server and the built kiosk so they stay current.
 * Starts the end-to-end server (demo mode, simulator) on SCREENSHOT_PORT (default 8585) and SCREENSHOT_PORT + 1,
 * drives headless Chromium through an idle kiosk, a clock-in, a clock-out, an offline punch and the console's
 * Punches screen, and writes docs/screenshots/*.png. The kiosk's clock is set to a fixed morning of yesterday, so
 * the pictures show the same times on every run and the server accepts the punches.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from '../bench/support/browser';
import { E2E_ADMIN_TOKEN } from '../e2e/support/admin-token';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 8585);
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = path.join(import.meta.dirname, '..', 'docs', 'screenshots');
const admin = { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, 'content-type': 'application/json' };

function yesterdayAt(hhmm: string): Date {
  const day = new Date(Date.now() - 24 * 3_600_000).toISOString().slice(0, 10);
  return new Date(`${day}T${hhmm}:00+01:00`);
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    try {
      if ((await fetch(`${BASE}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not answer on ${BASE}`);
}

async function pairingCode(name: string): Promise<string> {
  const response = await fetch(`${BASE}/api/v1/admin/kiosks`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ name, timeZone: 'Europe/Berlin' }),
  });
  return ((await response.json()) as { pairingCode: string }).pairingCode;
}

async function scan(page: Page, badge: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.type(badge, { delay: 5 });
  await page.keyboard.press('Enter');
}

async function kioskShots(browser: Browser, width: number, height: number, suffix: string): Promise<void> {
  const context = await browser.newContext({ baseURL: BASE, viewport: { width, height }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.clock.install({ time: yesterdayAt('08:01') });
  // A fresh server derives every identifier of the directory once, for the first kiosk: seconds, on a busy machine more.
  const directory = page.waitForResponse((r) => r.url().endsWith('/api/v1/kiosk/directory') && r.ok(), {
    timeout: 120_000,
  });
  await page.goto(`/#pair=${await pairingCode(`Front door ${suffix}`)}`);
  await directory;
  await page.getByRole('heading', { name: 'Scan your badge or enter your email' }).waitFor();
  await page.getByText('Online').waitFor();
  await page.screenshot({ path: path.join(OUT, `kiosk-idle${suffix}.png`) });
  if (suffix !== '') return void (await context.close());

  const feedback = page.getByRole('main').getByRole('status');
  await scan(page, 'B-1001');
  await feedback.getByText('Received by the server').waitFor();
  // The name comes with the server's answer: the kiosk's directory names nobody.
  await feedback.getByText(/^Welcome, /).waitFor();
  await page.screenshot({ path: path.join(OUT, 'kiosk-clock-in.png') });
  await page.clock.fastForward('08:29:00');
  await scan(page, 'B-1001');
  await feedback.getByText('Received by the server').waitFor();
  await page.screenshot({ path: path.join(OUT, 'kiosk-clock-out.png') });

  await page.evaluate(async () => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await page.clock.fastForward('00:10:00');
  await page.getByText('Offline', { exact: true }).first().waitFor();
  // Someone who punched here before: offline, the kiosk names them from the server's earlier answer.
  await scan(page, 'B-1001');
  await feedback.getByText('kept safely on this device', { exact: false }).waitFor();
  await page.screenshot({ path: path.join(OUT, 'kiosk-offline.png') });
  await context.close();
}

async function consoleShot(browser: Browser): Promise<void> {
  const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto('/admin/');
  await page.getByLabel('Admin token').fill(E2E_ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Punches' }).click();
  await page.getByRole('table').waitFor();
  await page.screenshot({ path: path.join(OUT, 'console-punches.png') });
  await context.close();
}

const server = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/serve.ts'], {
  env: { ...process.env, E2E_PORT: String(PORT), E2E_SIMULATOR_PORT: String(PORT + 1) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitForServer();
  const browser = await launchChromium();
  try {
    await kioskShots(browser, 1280, 800, '');
    await kioskShots(browser, 390, 844, '-phone');
    await consoleShot(browser);
  } finally {
    await browser.close();
  }
  console.log(`screenshots written to ${path.relative(process.cwd(), OUT)}`);
} finally {
  server.kill('SIGTERM');
}
