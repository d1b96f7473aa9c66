import { expect, test } from '@playwright/test';
import { KioskPage } from './pages/kiosk-page';
import { expectNoAxeViolations } from './support/axe';
import { createKiosk } from './support/kiosk-server';

for (const width of [320, 1280]) {
  test.describe(`at ${width} px wide`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('the setup, idle and feedback screens have no axe violations', async ({ page, request }) => {
      const kiosk = new KioskPage(page);
      await page.goto('/');
      await expect(kiosk.setupHeading).toBeVisible();
      await expectNoAxeViolations(page);

      const created = await createKiosk(request, `Accessible door ${width}`);
      await kiosk.pair(created.pairingCode);
      await expect(kiosk.status).toContainText(`Accessible door ${width}`);
      await expectNoAxeViolations(page);

      await kiosk.scanBadge(width === 320 ? 'B-1041' : 'B-1042');
      await expect(kiosk.feedback).toContainText('Clocked in');
      await expectNoAxeViolations(page);

      await kiosk.scanBadge('B-9998');
      await expect(kiosk.feedback).toContainText('is not known here');
      await expectNoAxeViolations(page);
    });
  });
}

test('the kiosk speaks German when chosen as its default in the settings, and remembers it', async ({
  page,
  request,
}) => {
  const created = await createKiosk(request, 'Tor 1');
  const kiosk = new KioskPage(page);
  await kiosk.pair(created.pairingCode);
  await page.getByText('Kiosk settings').click();
  await page.getByLabel('Default language').selectOption('de');
  await expect(page.getByRole('heading', { name: 'Badge scannen oder E-Mail eingeben' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Badge scannen oder E-Mail eingeben' })).toBeVisible();
  await kiosk.scanBadge('B-1043');
  await expect(kiosk.feedback).toContainText('Eingestempelt');
});
