import { expect, test } from '@playwright/test';
import { KioskPage } from './pages/kiosk-page';
import { createKiosk } from './support/kiosk-server';
import { startReleaseProxy } from './support/kiosk-release-proxy';

/** The next release's service worker: the built one plus an answer to "which version are you?". */
const NEXT_RELEASE = `
self.addEventListener('message', (event) => {
  if (event.data === 'version?') event.source?.postMessage('next-release');
});`;

test('a new version waits while someone uses the kiosk and takes over once it is idle', async ({
  page,
  request,
  baseURL,
}) => {
  const proxy = await startReleaseProxy(baseURL ?? '');
  try {
    const created = await createKiosk(request, 'Update door');
    const kiosk = new KioskPage(page);
    await kiosk.pair(created.pairingCode, proxy.url);
    await kiosk.waitForServiceWorker();
    // From its second load on, a kiosk page is controlled by its service worker, as every kiosk is day to day.
    await page.reload();
    await expect(kiosk.idleHeading).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));
    const waitingState = () =>
      page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? 'none');

    // Someone is typing their email when the next release is found: the kiosk is busy, the release waits.
    await kiosk.email.fill('hugo.garcia@demo.example');
    proxy.publish(NEXT_RELEASE);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect.poll(waitingState).toBe('installed');
    expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(true);

    // Their punch's feedback is on screen: still busy, still waiting.
    await kiosk.email.press('Enter');
    await expect(kiosk.feedback).toContainText('Hugo Garcia');
    expect(await waitingState()).toBe('installed');
    expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(true);

    // The feedback clears by itself; idle now, the release activates and the page reloads into it.
    await page.waitForFunction(() => !('beforeUpdate' in window), undefined, { timeout: 15_000 });
    await expect(kiosk.idleHeading).toBeVisible();
    const version = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          navigator.serviceWorker.addEventListener('message', (event) => resolve(event.data), { once: true });
          navigator.serviceWorker.controller?.postMessage('version?');
        }),
    );
    expect(version).toBe('next-release');
  } finally {
    await proxy.close();
  }
});
