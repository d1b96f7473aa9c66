import { expect, test } from '@playwright/test';
import { expectDirectoryStored, KioskPage } from './pages/kiosk-page';
import {
  createKiosk,
  identifierOf,
  kenjoDeliveries,
  ledgerPunches,
  revokeKiosk,
} from './support/kiosk-server';

test('pairs from a link, punches by badge and by email, and both reach Kenjo once', async ({
  page,
  request,
}) => {
  const created = await createKiosk(request, 'Front door');
  const kiosk = new KioskPage(page);
  await kiosk.pair(created.pairingCode);
  expect(new URL(page.url()).hash).toBe('');
  await expect(kiosk.status).toContainText('Front door');
  // The server runs in demo mode: nobody may take the kiosk's answers for punches in Kenjo.
  await expect(page.getByRole('note')).toHaveText('DEMO MODE: punches go to a simulator, not to Kenjo');

  await kiosk.scanBadge('B-1001');
  await expect(kiosk.feedback).toContainText('Ana Garcia');
  await expect(kiosk.feedback).toContainText('Clocked in');
  await expect(kiosk.feedback).toContainText('Received by the server');

  await kiosk.punchByEmail('ana.schmidt@demo.example');
  await expect(kiosk.feedback).toContainText('Ana Schmidt');
  await expect(kiosk.feedback).toContainText('Received by the server');
  await kiosk.expectPending(0);

  await expect
    .poll(async () =>
      (await ledgerPunches(request, created.id)).map((p) => `${identifierOf(p)} ${p.status}`).sort(),
    )
    .toEqual(['B-1001 sent', 'ana.schmidt@demo.example sent']);
  expect(await kenjoDeliveries(request, ['B-1001', 'ana.schmidt@demo.example'])).toEqual({
    'B-1001': 1,
    'ana.schmidt@demo.example': 1,
  });
});

test('a second scan inside the window says when the first was recorded and queues nothing', async ({
  page,
  request,
}) => {
  const created = await createKiosk(request, 'Double scan door');
  const kiosk = new KioskPage(page);
  await kiosk.pair(created.pairingCode);

  await kiosk.scanBadge('B-1003');
  await expect(kiosk.feedback).toContainText('Clara Garcia');
  const time = (await kiosk.feedback.textContent())?.match(/at (\d\d:\d\d)/)?.[1];
  expect(time).toBeTruthy();
  await kiosk.scanBadge('B-1003');
  await expect(kiosk.feedback).toContainText(`Already recorded at ${time}`);
  await kiosk.expectPending(0);
  await expect.poll(async () => (await ledgerPunches(request, created.id)).length).toBe(1);
});

test('a person who punched before the kiosk had its directory is the same person once it has it', async ({
  page,
  request,
}) => {
  const created = await createKiosk(request, 'Early door');
  // The directory is held back: the first scan is decided without it, by the badge number alone.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/v1/kiosk/directory', async (route) => {
    await held;
    await route.continue();
  });
  const kiosk = new KioskPage(page);
  await page.goto(`/#pair=${created.pairingCode}`);
  await expect(kiosk.idleHeading).toBeVisible();
  await kiosk.scanBadge('B-1140');
  await expect(kiosk.feedback).toContainText('Clocked in');
  const time = (await kiosk.feedback.textContent())?.match(/at (\d\d:\d\d)/)?.[1];
  expect(time).toBeTruthy();
  await kiosk.expectPending(0);

  // The proxy prepares this kiosk's copy when first asked, which takes a few seconds on a loaded machine.
  const directory = page.waitForResponse((r) => r.url().endsWith('/api/v1/kiosk/directory') && r.ok(), {
    timeout: 30_000,
  });
  release();
  await directory;
  await expectDirectoryStored(page);
  await kiosk.scanBadge('B-1140');
  await expect(kiosk.feedback).toContainText(`Already recorded at ${time}`);
  await expect.poll(async () => (await ledgerPunches(request, created.id)).length).toBe(1);
});

test('an unknown badge is refused on the kiosk and never sent', async ({ page, request }) => {
  const created = await createKiosk(request, 'Unknown badge door');
  const kiosk = new KioskPage(page);
  await kiosk.pair(created.pairingCode);

  await kiosk.scanBadge('B-9999');
  await expect(kiosk.feedback).toContainText('Badge B-9999 is not known here');
  await kiosk.expectPending(0);
  await kiosk.scanBadge('B-1004');
  await expect(kiosk.feedback).toContainText('David Garcia');
  await expect
    .poll(async () => (await ledgerPunches(request, created.id)).map(identifierOf))
    .toEqual(['B-1004']);
});

test('a revoked kiosk goes back to setup and keeps what it could not send', async ({
  page,
  request,
  context,
}) => {
  const created = await createKiosk(request, 'Revoked door');
  const kiosk = new KioskPage(page);
  await kiosk.pair(created.pairingCode);
  await revokeKiosk(request, created.id);

  // The punch is kept on the device while the proxy refuses the token.
  await context.route('**/api/v1/punches', (route) => route.abort());
  await kiosk.scanBadge('B-1005');
  await expect(kiosk.feedback).toContainText(/Saved on this device|kept safely on this device/);
  await context.unroute('**/api/v1/punches');
  await page.evaluate(() => window.dispatchEvent(new Event('online')));

  await expect(kiosk.setupHeading).toBeVisible();
  await expect(page.getByText('This kiosk was revoked')).toBeVisible();
  await expect(page.getByText('1 punch is kept on this device')).toBeVisible();
  // Not paired, and so without a configuration, it still says that this proxy is in demo mode.
  await expect(page.getByRole('note')).toHaveText('DEMO MODE: punches go to a simulator, not to Kenjo');
});
