import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AdminPage, KioskClient, type Section } from './pages/admin-page';

const SECTIONS: Section[] = ['Needs attention', 'Punches', 'Kiosks', 'Who is in', 'Kenjo'];

test.beforeAll(async ({ request }) => {
  // Something on every screen: a kiosk, a punch someone made an hour ago, one for an inactive badge.
  const kiosk = await KioskClient.create(request, 'Axe door');
  await kiosk.punch({ externalId: 'B-1010' }, new Date(Date.now() - 3_600_000));
  await kiosk.punch({ externalId: 'B-1300' }, new Date(Date.now() - 3_500_000));
});

for (const section of SECTIONS) {
  test(`${section} has no accessibility violations`, async ({ page }) => {
    const admin = new AdminPage(page);
    await admin.goto();
    await admin.signIn();
    await admin.open(section);
    await expect(page.getByText('Loading…')).toHaveCount(0);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });
}

test('the pairing dialog has no accessibility violations', async ({ page }) => {
  const admin = new AdminPage(page);
  await admin.goto();
  await admin.signIn();
  await admin.open('Kiosks');
  const form = page.getByRole('region', { name: 'Add a kiosk' });
  await form.getByLabel('Name').fill('Axe dialog');
  await form.getByRole('button', { name: 'Create kiosk' }).click();
  await expect(page.getByRole('dialog').getByRole('img', { name: /QR code/ })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test('who is in lists the person who clocked in an hour ago under their kiosk', async ({ page }) => {
  const admin = new AdminPage(page);
  await admin.goto();
  await admin.signIn();
  await admin.open('Who is in');
  const site = page.getByRole('region', { name: /^Axe door/ });
  await expect(site.getByRole('listitem')).toHaveCount(1, { timeout: 15_000 });
  await page.getByLabel('Site').selectOption({ label: 'Axe door' });
  await expect(page.getByRole('region', { name: /^Axe door/ })).toBeVisible();
  await expect(page.getByText(/\d+ in now/)).toHaveText('1 in now');
});
