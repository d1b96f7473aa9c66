import { expect, test } from '@playwright/test';
import { KioskPage } from './pages/kiosk-page';
import { createKiosk, identifierOf, kenjoDeliveries, ledgerPunches } from './support/kiosk-server';

const OFFLINE_PUNCHES = ['B-1031', 'B-1032', 'olivia.berg@demo.example'];
const AFTER_RELOAD = 'B-1034';

test('punches made offline, across an offline reload, all arrive exactly once when the network returns', async ({
  page,
  context,
  request,
}) => {
  const created = await createKiosk(request, 'Warehouse');
  const kiosk = new KioskPage(page);
  await kiosk.pair(created.pairingCode);
  await kiosk.waitForServiceWorker();

  // Offline for the page and for the service worker's own fetches.
  await context.setOffline(true);
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await expect(kiosk.status).toContainText('Offline');

  for (const identifier of OFFLINE_PUNCHES) {
    if (identifier.includes('@')) await kiosk.punchByEmail(identifier);
    else await kiosk.scanBadge(identifier);
    await expect(kiosk.feedback).toContainText('your punch is kept safely on this device');
  }
  await expect(kiosk.feedback).toContainText('Olivia Berg');
  await kiosk.expectPending(OFFLINE_PUNCHES.length);

  // The shell comes from the service worker's precache; the outbox, config and directory from IndexedDB.
  await page.reload();
  await expect(kiosk.idleHeading).toBeVisible();
  await expect(kiosk.status).toContainText('Warehouse');
  await kiosk.expectPending(OFFLINE_PUNCHES.length);
  await kiosk.scanBadge(AFTER_RELOAD);
  await expect(kiosk.feedback).toContainText('kept safely on this device');
  await kiosk.expectPending(OFFLINE_PUNCHES.length + 1);
  expect(await ledgerPunches(request, created.id)).toEqual([]);

  await context.unroute('**/api/**');
  await context.setOffline(false);
  await kiosk.expectPending(0);

  const everyPunch = [...OFFLINE_PUNCHES, AFTER_RELOAD];
  await expect
    .poll(
      async () =>
        (await ledgerPunches(request, created.id)).map((p) => `${identifierOf(p)} ${p.status}`).sort(),
      {
        timeout: 20_000,
      },
    )
    .toEqual(everyPunch.map((identifier) => `${identifier} sent`).sort());
  expect(await kenjoDeliveries(request, everyPunch)).toEqual(
    Object.fromEntries(everyPunch.map((identifier) => [identifier, 1])),
  );
});
