import { expect, test, type Page } from '@playwright/test';
import { AdminPage } from './pages/admin-page';
import { KioskPage } from './pages/kiosk-page';
import { createKiosk } from './support/kiosk-server';

/** Every console message a content security policy makes, from the page and its workers. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (
      /Content[ -]Security[ -]Policy|Refused to (load|execute|apply|connect|create)/i.test(message.text())
    ) {
      seen.push(message.text());
    }
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy/i.test(error.message)) seen.push(error.message);
  });
  return seen;
}

test('the kiosk and its service worker work under the real CSP, with no violation', async ({
  page,
  request,
}) => {
  const violations = cspViolations(page);
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const created = await createKiosk(request, 'Lobby');
  const kiosk = new KioskPage(page);
  await kiosk.pair(created.pairingCode);
  await kiosk.waitForServiceWorker();
  await kiosk.scanBadge('B-1001');
  await expect(kiosk.feedback).toContainText('Ana Garcia');
  await expect(kiosk.feedback).toContainText('Received by the server');
  await page.reload();
  await expect(kiosk.idleHeading).toBeVisible();
  expect(violations).toEqual([]);
});

test('the admin console works under the real CSP, pairing QR code included', async ({ page }) => {
  const violations = cspViolations(page);
  const admin = new AdminPage(page);
  await admin.goto();
  await admin.signIn();
  await admin.open('Kiosks');
  await admin.addKiosk('Back door');
  for (const section of ['Needs attention', 'Punches', 'Who is in', 'Kenjo'] as const)
    await admin.open(section);
  expect(violations).toEqual([]);
});

test('a paired kiosk ignores a pairing link: it asks nothing and stays who it is', async ({
  page,
  request,
}) => {
  const mine = await createKiosk(request, 'Front desk');
  const other = await createKiosk(request, 'Intruder');
  const kiosk = new KioskPage(page);
  await kiosk.pair(mine.pairingCode);
  await expect(kiosk.status).toContainText('Front desk');

  const pairRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/v1/kiosk/pair')) pairRequests.push(r.url());
  });
  await page.goto(`/#pair=${other.pairingCode}`);
  await expect(kiosk.idleHeading).toBeVisible();
  await expect(kiosk.status).toContainText('Front desk');
  expect(new URL(page.url()).hash).toBe('');
  expect(pairRequests).toEqual([]);
  // The other code was not spent: the kiosk it belongs to can still be paired with it.
  const stillValid = await request.post('/api/v1/kiosk/pair', { data: { pairingCode: other.pairingCode } });
  expect(stillValid.status()).toBe(200);
});
