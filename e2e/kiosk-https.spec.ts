import { chromium, expect, request as apiRequest, test } from '@playwright/test';
import type { RunningServer } from '../server/start-server';
import { KioskPage } from './pages/kiosk-page';
import { E2E_ADMIN_TOKEN } from './support/admin-token';
import { startFreshServer } from './support/fresh-server';
import { makeTestCertificate } from './support/test-ca';

// Not a loopback name: Chromium treats http://127.0.0.1 as secure, so only a real name proves HTTPS is what counts.
const HOST = 'kiosk.test';

let server: RunningServer;
let certificate: ReturnType<typeof makeTestCertificate>;

test.beforeAll(async () => {
  certificate = makeTestCertificate(HOST);
  server = await startFreshServer('https', {
    TLS_CERT_FILE: certificate.certFile,
    TLS_KEY_FILE: certificate.keyFile,
  });
});

test.afterAll(async () => {
  await server.close();
});

test('over HTTPS with a test CA: the kiosk pairs, installs its service worker and reloads offline', async ({
  browserName,
}, testInfo) => {
  test.skip(browserName !== 'chromium', 'the certificate is trusted through a Chromium switch');
  expect(server.url).toMatch(/^https:\/\//);
  const port = new URL(server.url).port;
  const origin = `https://${HOST}:${port}`;
  const api = await apiRequest.newContext({ baseURL: server.url, ignoreHTTPSErrors: true });
  const created = (await (
    await api.post('/api/v1/admin/kiosks', {
      headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
      data: { name: 'Secure lobby' },
    })
  ).json()) as { pairingCode: string };

  const browser = await chromium.launch({
    ...(testInfo.project.use.launchOptions ?? {}),
    args: [
      ...(testInfo.project.use.launchOptions?.args ?? []),
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
      `--ignore-certificate-errors-spki-list=${certificate.spki}`,
    ],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.pair(created.pairingCode, origin);
    const response = await page.goto(`${origin}/`);
    expect(response?.headers()['strict-transport-security']).toMatch(/^max-age=/);
    await kiosk.waitForServiceWorker();
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await expect(kiosk.idleHeading).toBeVisible();
    await expect(kiosk.status).toContainText('Secure lobby');
    await kiosk.scanBadge('B-1001');
    await expect(kiosk.feedback).toContainText(/Saved on this device|kept safely on this device/);
  } finally {
    await browser.close();
    await api.dispose();
  }
});
