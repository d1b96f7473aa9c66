import { expect, test } from '@playwright/test';
import { DEMO_EMPLOYEES } from '../server/simulator/employees';
import { KioskPage } from './pages/kiosk-page';
import { createKiosk, identifierOf, kenjoDeliveries, ledgerPunches } from './support/kiosk-server';

const ONLINE_FIRST = 'B-1031';
const OFFLINE_PUNCHES = [ONLINE_FIRST, 'B-1032', 'olivia.berg@demo.example'];
const AFTER_RELOAD = 'B-1034';

const nameOf = (identifier: string) =>
  DEMO_EMPLOYEES.find((e) => e.externalId === identifier || e.email === identifier)?.displayName ?? '?';

test('punches made offline, across an offline reload, all arrive exactly once when the network returns', async ({
  page,
  context,
  request,
}) => {
  // Time runs by itself, and jumps past the double-scan window between the online punch and the offline ones.
  await page.clock.install();
  const created = await createKiosk(request, 'Warehouse');
  const kiosk = new KioskPage(page);
  await kiosk.pair(created.pairingCode);
  await kiosk.waitForServiceWorker();

  // Online, the name comes with the proxy's answer: the kiosk's directory names nobody.
  await kiosk.scanBadge(ONLINE_FIRST);
  await expect(kiosk.feedback).toContainText(`Welcome, ${nameOf(ONLINE_FIRST)}`);
  await kiosk.expectPending(0);
  await page.clock.fastForward('02:00');

  // Offline for the page and for the service worker's own fetches.
  await context.setOffline(true);
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await expect(kiosk.status).toContainText('Offline');

  for (const identifier of OFFLINE_PUNCHES) {
    if (identifier.includes('@')) await kiosk.punchByEmail(identifier);
    else await kiosk.scanBadge(identifier);
    await expect(kiosk.feedback).toContainText('your punch is kept safely on this device');
    if (identifier === ONLINE_FIRST) {
      // Named offline: this kiosk was told the name when it sent this person's earlier punch.
      await expect(kiosk.feedback).toContainText(`Goodbye, ${nameOf(ONLINE_FIRST)}`);
    }
  }
  // Never punched here before: recognised by the directory, greeted without a name.
  await expect(kiosk.feedback.locator('.feedback-title')).toHaveText('Welcome');
  await expect(kiosk.feedback).not.toContainText(nameOf('olivia.berg@demo.example'));
  await kiosk.expectPending(OFFLINE_PUNCHES.length);

  // The shell comes from the service worker's precache; the outbox, config and directory from IndexedDB.
  await page.reload();
  await expect(kiosk.idleHeading).toBeVisible();
  await expect(kiosk.status).toContainText('Warehouse');
  await kiosk.expectPending(OFFLINE_PUNCHES.length);
  await kiosk.scanBadge(AFTER_RELOAD);
  await expect(kiosk.feedback).toContainText('kept safely on this device');
  await kiosk.expectPending(OFFLINE_PUNCHES.length + 1);
  expect((await ledgerPunches(request, created.id)).map(identifierOf)).toEqual([ONLINE_FIRST]);

  await context.unroute('**/api/**');
  await context.setOffline(false);
  await kiosk.expectPending(0);

  const everyPunch = [ONLINE_FIRST, ...OFFLINE_PUNCHES, AFTER_RELOAD];
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
    Object.fromEntries(everyPunch.map((identifier) => [identifier, identifier === ONLINE_FIRST ? 2 : 1])),
  );
});
